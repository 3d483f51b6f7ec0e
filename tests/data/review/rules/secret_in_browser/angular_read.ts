import { environment } from '../environments/environment';

export const zoomCredentials = {
  sdkKey: environment.zoomSdkKey, // must-not-fire
  sdkSecret: environment.zoomSdkSecret, // must-fire
};
