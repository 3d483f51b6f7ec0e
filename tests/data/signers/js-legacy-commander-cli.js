#!/usr/bin/env node
const crypto = require('crypto')
const program = require('commander')

program
  .requiredOption('-k, --api-key <value>', 'JWT app API key')
  .requiredOption('-s, --api-secret <value>', 'JWT app API secret')
  .requiredOption('-n, --meeting-number <value>', 'meeting number')
  .requiredOption('-r, --role <value>', '0 join, 1 start')
  .parse(process.argv)

function generate(apiKey, apiSecret, meetingNumber, role) {
  const timestamp = new Date().getTime() - 30000
  const message = Buffer.from(apiKey + meetingNumber + timestamp + role).toString('base64')
  const hash = crypto.createHmac('sha256', apiSecret).update(message).digest('base64')
  return Buffer.from(`${apiKey}.${meetingNumber}.${timestamp}.${role}.${hash}`).toString('base64')
}

console.log(generate(program.apiKey, program.apiSecret, program.meetingNumber, program.role))
