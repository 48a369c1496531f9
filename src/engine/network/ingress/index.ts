import type { Client } from '../../api/types';
import type { IngressRouter } from '../types';

/** createIngressRouter builds the ingress-nginx routing table over the API. (Stub until the ingress work lands.) */
export function createIngressRouter(client: Client): IngressRouter {
  void client;
  return { isController: () => false, route: () => ({ ok: false, status: 404 }) };
}
