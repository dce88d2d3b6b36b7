/**
 * A SIRET is 14 digits whose Luhn checksum is valid. La Poste's establishments (SIREN 356000000) are
 * the documented exception: their digits sum to a multiple of 5 instead.
 */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith("356000000")) {
    const sum = [...value].reduce((acc, d) => acc + Number(d), 0);
    return sum % 5 === 0;
  }
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let digit = Number(value[13 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Removes the spaces people type inside a SIRET ("123 456 789 00012"). */
export function normalizeSiret(value: string): string {
  return value.replace(/[\s.]/g, "");
}
