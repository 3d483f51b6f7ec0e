app.get('/meeting', (req, res) => {
  res.render('meeting', { sdkKey: process.env.ZOOM_SDK_KEY, sdkSecret: process.env.ZOOM_SDK_SECRET }); // must-fire
});
app.get('/joined', (req, res) => {
  res.render('meeting', { sdkKey: process.env.ZOOM_SDK_KEY, signature: req.signature }); // must-not-fire
});
