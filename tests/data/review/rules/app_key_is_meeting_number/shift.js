function generateSignature(key, secret, meetingNumber, role) {
  return [key, secret, meetingNumber, role];
}
const shifted = generateSignature(meetingNumber, 0); // must-fire
const whole = generateSignature(sdkKey, sdkSecret, meetingNumber, 0); // must-not-fire
export { shifted, whole };
