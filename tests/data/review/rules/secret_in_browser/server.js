const secret = process.env.ZOOM_MEETING_SDK_SECRET; // must-not-fire
module.exports = { secret };
