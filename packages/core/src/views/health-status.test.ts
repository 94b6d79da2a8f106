import { expect } from 'chai';
import {
  HEALTH_THRESHOLDS,
  errorRateStatus,
  latencyStatus,
  uptimeStatus,
} from './health-status.js';

describe('health status markers', () => {
  it('marks error rates below 1 % good and below 5 % acceptable', () => {
    expect(errorRateStatus(0)).to.equal('good');
    expect(errorRateStatus(0.0099)).to.equal('good');
    expect(errorRateStatus(0.01)).to.equal('acceptable');
    expect(errorRateStatus(0.0499)).to.equal('acceptable');
    expect(errorRateStatus(0.05)).to.equal('bad');
    expect(errorRateStatus(null)).to.equal(null);
  });

  it('marks p95 latency below 2 s good and below 5 s acceptable', () => {
    expect(latencyStatus(1999)).to.equal('good');
    expect(latencyStatus(2000)).to.equal('acceptable');
    expect(latencyStatus(4999)).to.equal('acceptable');
    expect(latencyStatus(5000)).to.equal('bad');
    expect(latencyStatus(null)).to.equal(null);
  });

  it('marks uptime of at least 99.9 % good and at least 99 % acceptable', () => {
    expect(uptimeStatus(1)).to.equal('good');
    expect(uptimeStatus(999 / 1000)).to.equal('good');
    expect(uptimeStatus(998 / 1000)).to.equal('acceptable');
    expect(uptimeStatus(99 / 100)).to.equal('acceptable');
    expect(uptimeStatus(989 / 1000)).to.equal('bad');
    expect(uptimeStatus(null)).to.equal(null);
  });

  it('publishes the thresholds it applies', () => {
    expect(HEALTH_THRESHOLDS).to.deep.equal({
      errorRate: { good: 0.01, acceptable: 0.05 },
      latencyP95Ms: { good: 2000, acceptable: 5000 },
      uptime: { good: 0.999, acceptable: 0.99 },
    });
  });
});
