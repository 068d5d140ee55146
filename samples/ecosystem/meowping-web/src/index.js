// MeowPing web front end: serves the ping list as JSON and a tiny status page.
const http = require('node:http');
const { formatScore } = require('./utils/format');
const { latestPings } = require('./pings');

const port = Number(process.env.PORT || 3000);

const server = http.createServer((request, response) => {
  if (request.url === '/api/pings') {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(latestPings(10)));
    return;
  }
  response.setHeader('content-type', 'text/html');
  response.end(`<p>Don't forget to ping the cat: ${formatScore(latestPings(10).length)}</p>`);
});

if (require.main === module) {
  server.listen(port, () => console.log(`meowping-web on :${port}`));
}

module.exports = { server };
