import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { context, type Span, SpanKind, type Tracer, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { AppConfig } from '@app/core';
import type { IncomingHttpHeaders } from 'node:http';

const headerGetter = {
  keys: (carrier: IncomingHttpHeaders) => Object.keys(carrier),
  get: (carrier: IncomingHttpHeaders, key: string) => carrier[key],
};
const headerSetter = {
  set: (carrier: Record<string, string | string[]>, key: string, value: string) => void (carrier[key] = value),
};

/**
 * OpenTelemetry, when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans batched to the collector
 * over OTLP/HTTP, W3C `traceparent` read from callers and written to upstreams. Contexts
 * are passed explicitly (no global context manager): that would take AsyncLocalStorage,
 * whose promise hooks cost every request of the process, traced or not.
 */
@Injectable()
export class Tracing implements OnApplicationShutdown {
  private readonly provider?: BasicTracerProvider;
  private readonly tracer?: Tracer;
  private readonly propagator = new W3CTraceContextPropagator();

  constructor(config: AppConfig) {
    if (!config.tracing) return;
    this.provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': config.tracing.serviceName }),
      // Batches leave every second: a trace shows up in the collector while it is still fresh.
      spanProcessors: [
        new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.tracing.endpoint}/v1/traces` }), {
          scheduledDelayMillis: 1_000,
        }),
      ],
    });
    this.tracer = this.provider.getTracer('datahub');
  }

  get enabled(): boolean {
    return this.tracer !== undefined;
  }

  /** A server span continuing the caller's trace when it sent a valid `traceparent`. */
  startServerSpan(name: string, headers: IncomingHttpHeaders, attributes: Record<string, string>): Span | undefined {
    if (!this.tracer) return undefined;
    const parent = this.propagator.extract(context.active(), headers, headerGetter);
    return this.tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  }

  /** Sets `traceparent` (and `tracestate`) so that the upstream's spans are children of `span`. */
  inject(span: Span, headers: Record<string, string | string[]>): void {
    this.propagator.inject(trace.setSpan(context.active(), span), headers, headerSetter);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.provider?.shutdown();
  }
}
