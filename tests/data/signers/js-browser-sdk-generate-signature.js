const meetConfig = {
  apiKey: 'Xc4vB7nM1qW8eR2tY5uI9',
  apiSecret: 'Jh6gF3dS9aQ2wE5rT8yU1iO4pL7kZ0xC',
  meetingNumber: '85746065432',
  userName: 'Student',
  passWord: '',
  role: 0,
}

function startZoom() {
  ZoomMtg.generateSignature({
    meetingNumber: meetConfig.meetingNumber,
    apiKey: meetConfig.apiKey,
    apiSecret: meetConfig.apiSecret,
    role: meetConfig.role,
    success(res) {
      ZoomMtg.init({
        leaveUrl: 'https://example.org',
        success() {
          ZoomMtg.join({
            meetingNumber: meetConfig.meetingNumber,
            userName: meetConfig.userName,
            signature: res.result,
            apiKey: meetConfig.apiKey,
            passWord: meetConfig.passWord,
          })
        },
      })
    },
  })
}
