import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@app/core';
import { MetricsRegistry } from '@app/metrics';
import { DataSource } from 'typeorm';
import { detectTimeSeriesBackend, type TimeSeriesBackend } from './time-series-backend';

/**
 * Which backend this installation's time series use, read once from the catalog: the
 * tables themselves are the record of the choice made when they were created.
 */
@Injectable()
export class TimeSeriesStore {
  private detected?: Promise<TimeSeriesBackend>;
  private known?: TimeSeriesBackend;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    metrics: MetricsRegistry,
  ) {
    metrics.observe(
      'datahub_timeseries_backend',
      'The time-series store in use: 1 for its backend',
      ['backend'],
      (set) => {
        if (this.known) set({ backend: this.known }, 1);
      },
    );
  }

  backend(): Promise<TimeSeriesBackend> {
    this.detected ??= detectTimeSeriesBackend(this.dataSource)
      .then((backend) => {
        if (!backend) throw new Error('request_logs is missing or not a time series: run the migrations');
        this.known = backend;
        return backend;
      })
      .catch((error) => {
        this.detected = undefined;
        throw error;
      });
    return this.detected;
  }

  /** Start-up check: a setting that names the other backend than the installation's is explained, not obeyed. */
  async verifySetting(): Promise<TimeSeriesBackend> {
    const backend = await this.backend();
    const wanted = this.config.timeSeriesBackend;
    if (wanted !== 'auto' && wanted !== backend) {
      const current = backend === 'timescaledb' ? 'TimescaleDB hypertables' : 'native partitions';
      throw new Error(
        `TIMESERIES_BACKEND=${wanted}, but this database keeps its time series in ${current}, chosen when it was installed. ` +
          'Set TIMESERIES_BACKEND=auto (or to match), or convert the tables first: see "Time-series backend" in docs/operations.md.',
      );
    }
    return backend;
  }
}
