const padStart = require('lodash/padStart');

function formatScore(score) {
  return padStart(String(score), 4, '0');
}

module.exports = { formatScore };
