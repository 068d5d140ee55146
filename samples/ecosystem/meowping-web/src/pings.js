const _ = require('lodash');

const pings = [];

function record(cat, sentAt = new Date()) {
  pings.push({ cat, sentAt });
}

function latestPings(limit) {
  return _.take(_.orderBy(pings, ['sentAt'], ['desc']), limit);
}

module.exports = { record, latestPings };
