// A client that asks its server for a token: the encoded name goes into a URL, which is right.
export async function fetchToken(sessionName, role) {
  const tpc = encodeURIComponent(sessionName); // must-not-fire
  const response = await fetch(`/api/token?tpc=${tpc}&role=${role}`);
  return (await response.json()).signature;
}
