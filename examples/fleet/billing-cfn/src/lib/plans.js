export class UnknownPlanError extends Error {
  name = 'UnknownPlanError';

  constructor(planId) {
    super(`unknown plan "${planId}"`);
    this.planId = planId;
  }
}

const PLANS = Object.freeze({
  starter: { label: 'Starter', baseCents: 900, includedSeats: 1, seatCents: 0 },
  team: { label: 'Team', baseCents: 4900, includedSeats: 5, seatCents: 800 },
  business: { label: 'Business', baseCents: 19900, includedSeats: 20, seatCents: 600 },
});

export function invoiceLines(planId, seats) {
  if (!Object.hasOwn(PLANS, planId)) {
    throw new UnknownPlanError(planId);
  }
  const plan = PLANS[planId];
  const lines = [{ description: `${plan.label} plan`, amountCents: plan.baseCents }];
  const extraSeats = Math.max(0, (seats ?? 1) - plan.includedSeats);
  if (extraSeats > 0 && plan.seatCents > 0) {
    lines.push({ description: `${extraSeats} additional seat(s)`, amountCents: extraSeats * plan.seatCents });
  }
  return lines;
}
