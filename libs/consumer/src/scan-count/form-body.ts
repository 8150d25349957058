import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * The scan page's forms (防伪码, problem reports) post `application/x-www-form-urlencoded`: a
 * page without script can send nothing else. Parsed into an object of strings, empty fields
 * left out (an empty optional field is an absent one), then validated like any JSON body.
 */
@Injectable()
export class FormBodies implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('application/x-www-form-urlencoded')) return;
    fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      const fields: Record<string, string> = {};
      for (const [name, value] of new URLSearchParams(body as string)) if (value !== '') fields[name] = value;
      done(null, fields);
    });
  }
}
