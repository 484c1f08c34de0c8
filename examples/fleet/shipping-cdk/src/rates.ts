const BASE_PRICE = 4.5;
const PER_KG = 1.25;

export function priceFor(weightKg: number, table: string): number {
  const surcharge = table === 'express' ? 3 : 0;
  return Math.round((BASE_PRICE + PER_KG * weightKg + surcharge) * 100) / 100;
}
