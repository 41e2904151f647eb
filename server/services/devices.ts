/**
 * Poster screens and club tablets: pairing with a short single-use code, a long-lived
 * token stored only as a hash, revocation and last-seen.
 */
import { DomainError } from '../../shared/result.ts';
import type { Device, DeviceKind } from '../../shared/schemas.ts';
import type { Clock } from '../clock.ts';
import { hashSecret, newId, newPairingCode, newSecret } from '../ids.ts';
import type { DeviceRecord, Storage } from '../storage/storage.ts';

export const PAIRING_CODE_TTL_MS = 10 * 60_000;

export const publicDevice = ({ tokenHash: _, ...device }: DeviceRecord): Device => device;

export interface ClaimInput {
  code: string;
  kind: DeviceKind;
  label: string;
  classIds: string[];
  clubId: string | null;
}

export class DeviceService {
  constructor(private readonly storage: Storage, private readonly clock: Clock) {}

  async requestCode(): Promise<{ code: string; expiresAt: number }> {
    const now = this.clock.now();
    await this.storage.pairingCodes.removeExpired(now);
    // 31^6 ≈ 887 million codes: a clash is rare, and retried.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newPairingCode();
      const expiresAt = now + PAIRING_CODE_TTL_MS;
      if (await this.storage.pairingCodes.create({ code, createdAt: now, expiresAt })) return { code, expiresAt };
    }
    throw new DomainError('conflict', 'Could not make a pairing code; try again.');
  }

  /** A teacher claims a code shown on a device; the device's token is returned once. */
  async claim(schoolId: string, input: ClaimInput): Promise<{ device: Device; token: string }> {
    await this.checkTargets(schoolId, input);
    const code = await this.storage.pairingCodes.take(input.code, this.clock.now());
    if (!code) throw new DomainError('not_found', 'That code is not valid: it may have expired. Check the screen for a new one.', [{ path: ['code'], message: 'unknown or expired' }]);
    const token = newSecret();
    const record: DeviceRecord = {
      id: newId(), schoolId, kind: input.kind, label: input.label,
      classIds: input.kind === 'poster' ? [...new Set(input.classIds)] : [],
      clubId: input.kind === 'club' ? input.clubId : null,
      createdAt: this.clock.now(), lastSeenAt: null, appVersion: null, revokedAt: null,
      tokenHash: hashSecret(token),
    };
    await this.storage.devices.create(record);
    return { device: publicDevice(record), token };
  }

  private async checkTargets(schoolId: string, input: ClaimInput): Promise<void> {
    if (input.kind === 'poster') {
      if (input.classIds.length === 0) throw new DomainError('invalid', 'Choose at least one class for a poster screen.', [{ path: ['classIds'], message: 'choose at least one class' }]);
      const classes = new Set((await this.storage.classes.list(schoolId)).map((c) => c.id));
      const bad = input.classIds.findIndex((id) => !classes.has(id));
      if (bad >= 0) throw new DomainError('forbidden', 'That class is not in your school.', [{ path: ['classIds', bad], message: 'not in your school' }]);
    } else {
      if (!input.clubId) throw new DomainError('invalid', 'Choose the club this tablet belongs to.', [{ path: ['clubId'], message: 'choose a club' }]);
      if (!(await this.storage.clubs.get(schoolId, input.clubId))) throw new DomainError('forbidden', 'That club is not in your school.', [{ path: ['clubId'], message: 'not in your school' }]);
    }
  }

  /** The device behind a token, unless it is unknown or revoked. */
  async authenticate(token: string | undefined): Promise<Device | null> {
    if (!token || token.length > 200) return null;
    const record = await this.storage.devices.getByTokenHash(hashSecret(token));
    if (!record || record.revokedAt !== null) return null;
    return publicDevice(record);
  }

  async seen(deviceId: string, appVersion: string | null): Promise<void> {
    await this.storage.devices.touch(deviceId, this.clock.now(), appVersion);
  }

  async list(schoolId: string): Promise<Device[]> {
    return (await this.storage.devices.list(schoolId)).map(publicDevice);
  }

  async revoke(schoolId: string, deviceId: string): Promise<void> {
    if (!(await this.storage.devices.revoke(schoolId, deviceId, this.clock.now()))) {
      throw new DomainError('not_found', 'No such device in your school, or it is already revoked.');
    }
  }
}
