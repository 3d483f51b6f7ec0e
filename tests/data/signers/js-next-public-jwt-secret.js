export const ZOOM_JWT_API_KEY = process.env.NEXT_PUBLIC_ZOOM_JWT_API_KEY
export const ZOOM_JWT_API_SECRET = process.env.NEXT_PUBLIC_ZOOM_JWT_API_SECRET

export const SIGNATURE_ENDPOINT = '/api/signature'

export const MEETING_CONFIG = {
  fullname: 'Test User',
  username: 'test_user',
  email: 'test.user@example.org',
  meetingId: 85746065432,
  role: 0,
}
