/** Who is acting: an organization, through one of its API keys, in its role. */
export interface Actor {
  organizationId: string;
  keyId: string;
  /** 'admin' is the bootstrap administrator, outside the chain. */
  role: string;
}

/** What a decider needs to know about a facility the command names; resolved by the handler. */
export interface FacilityRef {
  id: string;
  ownerId: string;
  type: string;
}
