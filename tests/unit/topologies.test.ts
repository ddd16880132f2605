import { describe, expect, it } from 'vitest';
import { tabLoad, TOPOLOGIES, uploadKbps } from '../../src/lib/diagrams/topologies.ts';

describe('mesh, SFU and MCU arithmetic', () => {
  it('a mesh of N holds N(N−1)/2 connections and each tab sends N−1 streams', () => {
    expect(tabLoad('mesh', 4)).toEqual({ connections: 3, up: 3, down: 3, total: 6 });
    expect(tabLoad('mesh', 10).total).toBe(45);
    expect(uploadKbps('mesh', 4, 500)).toBe(1500);
  });

  it('a server takes the upload down to one stream; only an MCU takes the download down too', () => {
    expect(tabLoad('sfu', 4)).toEqual({ connections: 1, up: 1, down: 3, total: 4 });
    expect(tabLoad('mcu', 4)).toEqual({ connections: 1, up: 1, down: 1, total: 4 });
    for (const topology of TOPOLOGIES) expect(tabLoad(topology, 2).up).toBe(1);
  });
});
