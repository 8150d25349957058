import { attack } from '../../test/support/attack';

/**
 * The attack of `bench/attack/run.ts` in a process of its own, so that pumping its bodies does
 * not delay the monitor's probes: started with the target, it attacks until told to stop,
 * then sends back every answer's status.
 */
const { baseUrl, logisticsKey, clients } = JSON.parse(process.argv[2]) as { baseUrl: string; logisticsKey: string; clients: number };
const stopped = new Promise((resolve) => process.once('message', resolve));
void attack({ baseUrl, logisticsKey }, clients, stopped).then((statuses) => process.send!({ statuses }, () => process.exit(0)));
