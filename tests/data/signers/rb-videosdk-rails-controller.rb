class VideoTokensController < ApplicationController
  def create
    session_name = params[:session_name]
    role = params[:role] || 0
    render json: { jwt: video_signature(session_name, role.to_i), session_name: session_name }
  rescue => e
    render json: { error: e.message }, status: :unprocessable_entity
  end

  private

  def video_signature(session_name, role)
    sdk_key = ENV['ZOOM_SDK_KEY']
    sdk_secret = ENV['ZOOM_SDK_SECRET']
    raise 'Missing ZOOM_SDK_KEY or ZOOM_SDK_SECRET' if sdk_key.blank? || sdk_secret.blank?

    iat = Time.current.to_i - 30
    exp = iat + (60 * 60 * 1)
    header = { alg: 'HS256', typ: 'JWT' }
    payload = { app_key: sdk_key, tpc: session_name, role_type: role, version: 1, iat: iat, exp: exp }
    JWT.encode(payload, sdk_secret, 'HS256', header)
  end
end
