import { apiClient, Call } from './api-client';
import { Org, registerOrg } from './fixtures';
import { SmallWorld, smallWorld } from './small-world';
import { TestApp, startTestApp } from './test-app';

/** A running app with the small world, the standards owner who publishes standards, and a regulator who reads every verdict. */
export interface StandardsWorld {
  app: TestApp;
  call: Call;
  w: SmallWorld;
  owner: Org;
  regulator: Org;
}

export async function startStandardsWorld(projector: 'inline' | 'worker'): Promise<StandardsWorld> {
  const app = await startTestApp({ projector });
  const call = apiClient(app.baseUrl);
  return {
    app,
    call,
    w: await smallWorld(call),
    owner: await registerOrg(call, 'standards_owner', '乐昌市电子商务公共服务中心'),
    regulator: await registerOrg(call, 'regulator', '乐昌市市场监督管理局'),
  };
}
