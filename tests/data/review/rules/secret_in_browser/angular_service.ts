import { Injectable } from '@angular/core';
import { KJUR } from 'jsrsasign';
import { environment } from '../environments/environment';

@Injectable({ providedIn: 'root' })
export class SignatureService {
  sign(payload: object): string {
    return KJUR.jws.JWS.sign('HS256', '{"alg":"HS256"}', JSON.stringify(payload), environment.zoomSdkSecret); // must-fire
  }

  key(): string {
    return environment.zoomSdkKey; // must-not-fire
  }
}
