require 'cgi'
require 'jwt'

class ZoomController < ApplicationController
  def token
    iat = Time.now.to_i
    escaped = { app_key: ENV['ZOOM_SDK_KEY'], tpc: CGI.escape(params[:session_name]), role_type: params[:role].to_i, version: 1, iat: iat, exp: iat + 7200 } # must-fire
    form = { app_key: ENV['ZOOM_SDK_KEY'], tpc: URI.encode_www_form_component(params[:session_name]), role_type: 0, version: 1, iat: iat, exp: iat + 7200 } # must-fire
    plain = { app_key: ENV['ZOOM_SDK_KEY'], tpc: params[:session_name], role_type: 0, version: 1, iat: iat, exp: iat + 7200 } # must-not-fire
    render json: { signature: [escaped, form, plain].map { |p| JWT.encode(p, ENV['ZOOM_SDK_SECRET'], 'HS256') } }
  end
end
