/**
 * How long the tests wait for a browser, a server or coturn, scaled in one place. The same two cores run
 * the suite two to three times slower on some days than on others (a bare cross-origin iframe,
 * cold: 98 ms one day, 270–320 ms two days later, with nothing else running), and the suite
 * keeps both cores busy throughout. A wait bounds a failure, not a pass: a passing test takes
 * no longer for it. Claims that carry a time of their own (the broker back "within 5 s") are
 * not scaled.
 */
export const SLOW_DAY_FACTOR = 2;

/** `ms`, as long as a slow day needs. */
export const patient = (ms: number): number => ms * SLOW_DAY_FACTOR;
