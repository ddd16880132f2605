/** The classroom part's rows of the bench table: three shards behind HAProxy, beside one box. */
import type { ClassroomFigures, ProcessCost } from './classroom-part.ts';

type Row = [string, string, string, string];

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const ratio = (ours: number, base: number): string => (base > 0 ? `${(ours / base).toFixed(2)}×` : 'n/a');
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function costRow(cost: ProcessCost, holdNote: string): Row {
  return [
    `classroom, ${cost.name}: sockets / CPU ${holdNote} / RSS (per socket grown)`,
    `${cost.sockets} / ${(cost.cpuMsPerMinute / 1000).toFixed(2)} s/min / ${mib(cost.rssBytes)} (${kib(cost.rssPerSocketBytes)})`,
    cost.sockets > 0 ? `${((cost.cpuMsPerMinute / cost.sockets) * 1000).toFixed(0)} ms/min per 1,000 sockets` : '',
    '',
  ];
}

export function classroomRows({ oneBox, sharded }: ClassroomFigures): Row[] {
  const people = `${oneBox.learners} learners, ${oneBox.learners / 2} rooms`;
  const both = (label: string, ours: number, base: number, show: (value: number) => string): Row => [label, show(ours), `one box ${show(base)}`, ratio(ours, base)];
  const holdNote = 'during the hold';
  return [
    both(`classroom (${people}): joins per second (lab frame loaded, 2 broker sockets, offer/answer/candidates met), 3 shards vs one box`, sharded.joinsPerSecond, oneBox.joinsPerSecond, (value) => value.toFixed(1)),
    both('classroom: join p50 (frame + both sockets open)', sharded.joinP50Ms, oneBox.joinP50Ms, ms),
    both('classroom: join p99', sharded.joinP99Ms, oneBox.joinP99Ms, ms),
    both(`classroom: signaling latency p50 (${sharded.relayed} and ${oneBox.relayed} messages)`, sharded.signalingP50Ms, oneBox.signalingP50Ms, ms),
    both('classroom: signaling latency p99', sharded.signalingP99Ms, oneBox.signalingP99Ms, ms),
    ['classroom: false disconnects / lost messages', `${sharded.falseDisconnects} / ${sharded.lost}`, `one box ${oneBox.falseDisconnects} / ${oneBox.lost}`, ''],
    [
      'classroom: TURN credentials minted by the site and relays allocated on coturn (allocated/wanted, p50)',
      `${sharded.turn.allocated}/${sharded.turn.wanted}, ${ms(sharded.turn.p50Ms)}`,
      `one box ${oneBox.turn.allocated}/${oneBox.turn.wanted}, ${ms(oneBox.turn.p50Ms)}`,
      '',
    ],
    ...oneBox.processes.map((cost) => costRow({ ...cost, name: `one box, ${cost.name}` }, holdNote)),
    ...sharded.processes.map((cost) => costRow(cost, holdNote)),
  ];
}
