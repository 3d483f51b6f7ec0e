import { Component } from '@angular/core'
import ZoomMtgEmbedded from '@zoom/meetingsdk/embedded'
import { KJUR } from 'jsrsasign'
import { environment } from '../environments/environment'

@Component({ selector: 'app-meeting', template: '<div id="meetingSDKElement"></div>' })
export class MeetingComponent {
  private client = ZoomMtgEmbedded.createClient()

  private makeSignature(sdkKey: string, sdkSecret: string, meetingNumber: string, role: number): string {
    const iat = Math.round(new Date().getTime() / 1000 - 60)
    const exp = iat + 60 * 60 * 2
    const payload = { sdkKey, mn: meetingNumber, role, iat, exp, appKey: sdkKey, tokenExp: iat + 60 * 60 * 2 }
    return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), sdkSecret)
  }

  async join(meetingNumber: string, password: string): Promise<void> {
    const root = document.getElementById('meetingSDKElement')!
    await this.client.init({ zoomAppRoot: root, language: 'it-IT' })
    await this.client.join({
      signature: this.makeSignature(environment.zoomSdkKey, environment.zoomSdkSecret, meetingNumber, 0),
      meetingNumber,
      password,
      userName: 'Tester',
    })
  }
}
