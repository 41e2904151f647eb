/** The domain services, built once over one storage and one clock. */
import type { Clock } from '../clock.ts';
import type { Storage } from '../storage/storage.ts';
import { ClubService } from './clubs.ts';
import { DeviceService } from './devices.ts';
import { IdentityService } from './identity.ts';
import { ParticipationService } from './participation.ts';
import { PlanningService } from './planning.ts';
import { RosterService } from './roster.ts';

export interface Services {
  storage: Storage;
  clock: Clock;
  identity: IdentityService;
  devices: DeviceService;
  planning: PlanningService;
  roster: RosterService;
  clubs: ClubService;
  participation: ParticipationService;
}

export function createServices(storage: Storage, clock: Clock): Services {
  return {
    storage,
    clock,
    identity: new IdentityService(storage, clock),
    devices: new DeviceService(storage, clock),
    planning: new PlanningService(storage, clock),
    roster: new RosterService(storage),
    clubs: new ClubService(storage, clock),
    participation: new ParticipationService(storage, clock),
  };
}
