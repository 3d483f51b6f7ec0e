// Check that the environment variables are loaded
console.log('SDK Key:', process.env.REACT_APP_ZOOM_SDK_KEY)
console.log('SDK Secret:', process.env.REACT_APP_ZOOM_SDK_SECRET)

// Then run the join test from the page
window.zoomTests.testZoomSDK('8')
