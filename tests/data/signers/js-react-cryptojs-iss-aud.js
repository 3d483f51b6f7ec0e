import CryptoJS from 'crypto-js'

const base64UrlEncode = (text) =>
  btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

export default class ZoomJoin extends React.Component {
  sdkKey = process.env.REACT_APP_ZOOM_SDK_KEY
  sdkSecret = process.env.REACT_APP_ZOOM_SDK_SECRET

  makeSignature = (meetingNumber, role = 0) => {
    const now = Math.floor(Date.now() / 1000)
    const exp = now + 30 * 60
    const header = { alg: 'HS256', typ: 'JWT' }
    const payload = { iss: this.sdkKey, exp: exp, iat: now, aud: 'zoom', appKey: this.sdkKey, tokenExp: exp, mn: meetingNumber, role: role }
    const input = `${base64UrlEncode(JSON.stringify(header))}.${base64UrlEncode(JSON.stringify(payload))}`
    const mac = CryptoJS.HmacSHA256(input, this.sdkSecret).toString(CryptoJS.enc.Base64url)
    return `${input}.${mac}`
  }

  render() {
    return <button onClick={() => this.props.onJoin(this.makeSignature(this.props.meetingNumber))}>Join</button>
  }
}
