const secret = document.getElementById('secret').value; // must-fire
const key = process.env.ZOOM_MEETING_SDK_KEY; // must-not-fire
const publicSecret = process.env.NEXT_PUBLIC_ZOOM_SECRET; // must-fire
export { secret, key, publicSecret };
