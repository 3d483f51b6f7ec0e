// src/environments/environment.ts of an Angular app
export const environment = {
  production: false,
  zoomSdkKey: 'abcDEF123ghiJKL456', // must-not-fire
  zoomSdkSecret: 'Zx8Qw3Er5Ty7Ui9Op1As2Df4Gh6Jk0Lm', // must-fire
};
