import 'reflect-metadata';
import { Controller, Get, Headers, Inject, Module, Param, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { AddressInfo } from 'node:net';
import { FixedBodies, receiveBodies, serveOverIpc } from './ipc-server';

const BODIES = Symbol('bodies');

/** Same handler shape as the scan controller (@Param, @Headers, @Res), minus the app's work. */
@Controller()
class FixedScanController {
  private turn = 0;

  constructor(@Inject(BODIES) private readonly bodies: FixedBodies) {}

  @Get('t/:code')
  scan(@Param('code') _code: string, @Headers('accept') accept: string | undefined, @Res() reply: FastifyReply) {
    const json = accept?.includes('application/json');
    const bodies = json ? this.bodies.json : this.bodies.html;
    reply.header('vary', 'Accept, Accept-Language').header('cache-control', 'no-cache');
    return reply.type(json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8').send(bodies[this.turn++ % bodies.length]);
  }
}

/** The framework ceiling: NestJS 12 on the Fastify adapter with no guards, pipes or interceptors. */
async function main() {
  const bodies = await receiveBodies();
  @Module({ controllers: [FixedScanController], providers: [{ provide: BODIES, useValue: bodies }] })
  class FixedModule {}
  const app = await NestFactory.create<NestFastifyApplication>(FixedModule, new FastifyAdapter({ trustProxy: true }), { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  serveOverIpc((app.getHttpServer().address() as AddressInfo).port, () => app.close());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
