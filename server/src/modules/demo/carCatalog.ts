// Cars sold new in Russia in 2021-2026, as the demo dealer group's clients drive them. Figures are
// typical values for the Russian market (list prices of 2024-2025 in thousands of roubles, clearance as
// the maker states it), good enough to match a client's need to a car, not a price list. WMIs are the
// maker's own; where a model is assembled in Russia under a Russian WMI we know (XTA AvtoVAZ, Z94 Hyundai
// St Petersburg, XWE Avtotor, XW8 Volkswagen Kaluga, XW7 Toyota St Petersburg, Z8N Nissan St Petersburg,
// X7L Renault Moscow, X4X BMW Avtotor, Y4K BelGee) that is used. Haval and Tank are assembled in Tula
// but carry Great Wall's LGW here, as we could not confirm the Tula code.

export type BodyType = "sedan" | "hatchback" | "crossover" | "suv" | "wagon" | "minivan" | "pickup";
export type Drive = "FWD" | "RWD" | "AWD";
export type ComfortClass = "economy" | "comfort" | "business" | "premium";
export type Fuel = "petrol" | "diesel" | "hybrid" | "electric";

export interface Engine {
  /** Litres; 0 for electric. */
  displacement: number;
  fuel: Fuel;
  powerHp: number;
}

export interface CarModel {
  /** Stable identifier, e.g. "lada-vesta". */
  id: string;
  brand: string;
  model: string;
  body: BodyType;
  seats: number;
  drives: Drive[];
  groundClearanceMm: number;
  comfort: ComfortClass;
  engines: Engine[];
  priceRub: { min: number; max: number };
  maintenance: { km: number; months: number };
  /** Typical km per year for this kind of car: 10th and 90th percentile of private owners. */
  annualKm: { low: number; high: number };
  /** Model years sold new in Russia within 2021-2026. */
  years: { from: number; to: number };
  /** VIN positions 1-3, 4-8 and 11 (assembly plant). */
  vin: { wmi: string; vds: string; plant: string };
  /** Relative share among the group's clients' cars. */
  popularity: number;
}

// brand | model | body | seats | drives | clearance | class | engines (litres, fuel letter, hp) |
// price k₽ | maintenance km/months | km per year | years | WMI VDS plant | popularity
const TABLE = `
Lada|Granta|sedan|5|FWD|180|economy|1.6p90 1.6p106|880-1150|15000/12|12000-30000|2021-2026|XTA 21901 Y|16
Lada|Granta Cross|wagon|5|FWD|198|economy|1.6p90 1.6p106|1090-1250|15000/12|12000-25000|2021-2026|XTA 21947 Y|4
Lada|Vesta|sedan|5|FWD|178|economy|1.6p106 1.8p122|1400-1900|15000/12|12000-28000|2021-2026|XTA GFL11 Y|12
Lada|Vesta SW Cross|wagon|5|FWD|203|economy|1.6p106 1.8p122|1650-2100|15000/12|12000-25000|2021-2026|XTA GFL33 Y|5
Lada|Niva Legend|suv|4|AWD|200|economy|1.7p83|950-1150|15000/12|8000-18000|2021-2026|XTA 21214 Y|6
Lada|Niva Travel|suv|5|AWD|220|economy|1.7p80|1200-1600|15000/12|8000-18000|2021-2026|X9L 21230 0|3
Lada|Largus|minivan|7|FWD|170|economy|1.6p90 1.6p106|1500-1800|15000/12|15000-35000|2021-2026|XTA KS045 Y|3
Lada|Iskra|sedan|5|FWD|170|economy|1.6p90 1.8p122|1200-1600|15000/12|12000-28000|2025-2026|XTA GFK11 Y|2
Haval|Jolion|crossover|5|FWD AWD|190|comfort|1.5p143 1.5h190|1950-2650|15000/12|12000-22000|2021-2026|LGW EF6A2 N|12
Haval|F7|crossover|5|FWD AWD|190|comfort|1.5p150 2.0p190|2500-3300|15000/12|12000-22000|2021-2026|LGW EE6A5 N|6
Haval|F7x|crossover|5|FWD AWD|190|comfort|1.5p150 2.0p190|2700-3400|15000/12|12000-22000|2021-2025|LGW EE6B5 N|2
Haval|Dargo|crossover|5|FWD AWD|200|comfort|2.0p192|2900-3600|15000/12|12000-24000|2022-2026|LGW EF7C6 N|4
Haval|M6|crossover|5|FWD|180|economy|1.5p150|1900-2300|15000/12|12000-25000|2023-2026|LGW EF5M6 N|3
Haval|H9|suv|7|AWD|206|business|2.0p218 2.0d165|4300-5000|15000/12|12000-25000|2021-2026|LGW EH9A8 N|1
Tank|300|suv|5|AWD|224|business|2.0p220|4600-5500|10000/12|10000-22000|2023-2026|LGW EF8T3 N|2
Tank|500|suv|7|AWD|224|premium|3.0p354|6500-7500|10000/12|10000-20000|2023-2026|LGW EF9T5 N|1
Chery|Tiggo 4 Pro|crossover|5|FWD|190|economy|1.5p113 1.5p147|1700-2200|15000/12|12000-24000|2022-2026|LVV DB11B 4|6
Chery|Tiggo 7 Pro Max|crossover|5|FWD AWD|190|comfort|1.5p147 1.6p186|2300-2900|15000/12|12000-24000|2022-2026|LVV DB21B 4|6
Chery|Tiggo 8 Pro Max|crossover|7|FWD AWD|190|comfort|2.0p197|3000-3700|15000/12|12000-24000|2022-2026|LVV DB31B 4|4
Chery|Arrizo 8|sedan|5|FWD|140|comfort|1.6p186|2200-2600|15000/12|12000-24000|2023-2026|LVV DC11A 4|2
Chery|Tiggo 9|crossover|7|AWD|193|business|2.0p249|4000-4600|15000/12|12000-24000|2024-2026|LVV DB41C 4|1
Exeed|LX|crossover|5|FWD AWD|190|business|1.5p147 1.6p186|2600-3300|10000/12|12000-22000|2021-2026|LVT DB11L 5|2
Exeed|TXL|crossover|5|FWD AWD|190|business|1.6p186 2.0p249|2900-3800|10000/12|12000-22000|2021-2026|LVT DB21L 5|2
Exeed|RX|crossover|5|AWD|200|business|2.0p249|4000-4700|10000/12|12000-22000|2023-2026|LVT DB41L 5|1
Exeed|VX|crossover|7|AWD|190|premium|2.0p249|4100-5000|10000/12|12000-22000|2021-2026|LVT DB31L 5|1
Omoda|C5|crossover|5|FWD AWD|190|comfort|1.5p147 1.6p186|1900-2500|15000/12|12000-24000|2022-2026|LVV DB15C 4|5
Omoda|S5|sedan|5|FWD|150|economy|1.5p147|1700-2000|15000/12|12000-26000|2023-2026|LVV DC15S 4|2
Geely|Coolray|crossover|5|FWD|196|comfort|1.5p150 1.5p177|2000-2600|10000/12|12000-24000|2021-2026|Y4K JA4C1 B|7
Geely|Atlas Pro|crossover|5|FWD AWD|195|comfort|1.5p177|2500-3200|10000/12|12000-24000|2021-2024|Y4K JA4A2 B|4
Geely|Atlas|crossover|5|FWD AWD|200|comfort|2.0p200|3000-3800|10000/12|12000-24000|2024-2026|L6T JA4A3 F|3
Geely|Monjaro|crossover|5|AWD|200|business|2.0p238|3700-4400|10000/12|12000-24000|2022-2026|L6T JA4M5 F|4
Geely|Tugella|crossover|5|AWD|200|business|2.0p238|4100-4600|10000/12|12000-24000|2021-2025|L6T JA4T6 F|1
Geely|Emgrand|sedan|5|FWD|165|economy|1.5p122|1800-2100|10000/12|12000-28000|2023-2026|L6T JC3E4 F|2
Geely|Okavango|minivan|7|FWD|200|comfort|1.5p177|3000-3400|10000/12|12000-24000|2023-2026|L6T JA4K7 F|1
Changan|CS35 Plus|crossover|5|FWD|180|economy|1.4p150|2000-2300|10000/12|12000-24000|2021-2026|LS5 A3AS1 Z|3
Changan|CS55 Plus|crossover|5|FWD|180|comfort|1.5p181|2400-2900|10000/12|12000-24000|2022-2026|LS5 A3AS5 Z|3
Changan|UNI-K|crossover|5|AWD|200|business|2.0p226|3600-4300|10000/12|12000-24000|2022-2026|LS5 A3KS7 Z|1
Changan|UNI-V|sedan|5|FWD|150|comfort|1.5p181|2600-3000|10000/12|12000-24000|2023-2026|LS5 A2VS5 Z|1
Changan|Alsvin|sedan|5|FWD|150|economy|1.5p107|1500-1800|10000/12|15000-30000|2023-2026|LS5 A2AS1 Z|1
Changan|Hunter Plus|pickup|5|AWD|223|comfort|2.0d160|2900-3300|10000/12|15000-35000|2023-2026|LS5 B4HP2 Z|1
Kia|Rio|sedan|5|FWD|160|economy|1.4p100 1.6p123|1000-1500|15000/12|12000-30000|2021-2022|Z94 C251B L|9
Kia|Rio X|hatchback|5|FWD|170|economy|1.4p100 1.6p123|1100-1600|15000/12|12000-28000|2021-2022|Z94 C351B L|3
Kia|Ceed|hatchback|5|FWD|150|comfort|1.6p128 1.5p150|1600-2200|15000/12|12000-24000|2021-2024|XWE C5S1B A|2
Kia|K5|sedan|5|FWD|155|business|2.0p150 2.5p194|2500-3500|15000/12|12000-25000|2021-2026|XWE DL4B4 A|3
Kia|Seltos|crossover|5|FWD AWD|190|comfort|1.6p123 2.0p149|1900-2600|15000/12|12000-24000|2021-2026|XWE EP2AD A|4
Kia|Sportage|crossover|5|FWD AWD|181|comfort|2.0p150 2.5p190|2500-3800|15000/12|12000-24000|2021-2026|XWE PG81A A|5
Kia|Sorento|suv|7|AWD|176|business|2.5p179 2.2d199|3500-5000|15000/12|12000-25000|2021-2026|XWE RH81A A|2
Kia|Carnival|minivan|8|FWD|172|business|3.5p249 2.2d199|4500-6500|15000/12|15000-30000|2021-2026|KNA NB81D 6|1
Hyundai|Solaris|sedan|5|FWD|160|economy|1.4p100 1.6p123|950-1400|15000/12|15000-35000|2021-2024|Z94 K241C K|8
Hyundai|Creta|crossover|5|FWD AWD|190|economy|1.6p123 2.0p149|1300-2400|15000/12|12000-24000|2021-2026|Z94 G2810 K|6
Hyundai|Elantra|sedan|5|FWD|150|comfort|1.6p128 2.0p150|1700-2300|15000/12|12000-25000|2021-2024|XWE LN41B A|2
Hyundai|Sonata|sedan|5|FWD|155|business|2.0p150 2.5p180|2500-3300|15000/12|12000-25000|2021-2024|KMH L141B 5|1
Hyundai|Tucson|crossover|5|FWD AWD|181|comfort|2.0p150 2.5p190|2600-3800|15000/12|12000-24000|2021-2026|XWE J381A A|4
Hyundai|Santa Fe|suv|7|AWD|176|business|2.5p179 2.2d199|3500-5000|15000/12|12000-25000|2021-2026|XWE S281B A|2
Hyundai|Palisade|suv|8|AWD|203|business|3.5p249 2.2d200|5000-6500|15000/12|12000-25000|2021-2026|KMH R581D 5|1
Toyota|Camry|sedan|5|FWD|155|business|2.0p150 2.5p200|2800-4500|10000/12|12000-25000|2021-2026|XW7 BF3HK X|5
Toyota|Corolla|sedan|5|FWD|150|comfort|1.6p122 1.8h122|1900-2600|10000/12|12000-25000|2021-2026|NMT BZ3BE 0|2
Toyota|RAV4|crossover|5|FWD AWD|195|comfort|2.0p149 2.5p199 2.5h218|2900-4500|10000/12|12000-24000|2021-2026|XW7 BA3FV X|5
Toyota|Highlander|crossover|7|AWD|200|business|3.5p249 2.5h248|3500-6000|10000/12|12000-24000|2021-2026|JTE BZ3FH 0|1
Toyota|Land Cruiser Prado|suv|7|AWD|215|business|2.7p163 2.8d204|5500-8000|10000/12|12000-25000|2021-2026|JTE BR3FJ 0|3
Toyota|Land Cruiser 300|suv|7|AWD|230|premium|3.5p415 3.3d299|8000-12000|10000/12|12000-25000|2021-2026|JTM AB3FJ 0|1
Toyota|Hilux|pickup|5|AWD|227|comfort|2.4d150 2.8d204|3800-5000|10000/12|15000-35000|2021-2026|AHT KB3CD 0|1
Lexus|NX|crossover|5|AWD|195|premium|2.5p199 2.5h243|5000-7000|10000/12|10000-20000|2021-2026|JTJ GA1BZ 0|1
Lexus|RX|crossover|5|AWD|205|premium|2.4p279 2.5h250|6500-10000|10000/12|10000-20000|2021-2026|JTJ BZ1BA 0|2
Lexus|ES|sedan|5|FWD|150|premium|2.5p200 3.5p249|5000-7000|10000/12|10000-20000|2021-2026|JTH B11B1 0|1
Lexus|LX|suv|7|AWD|205|premium|3.5p415 3.3d309|13000-18000|10000/12|10000-20000|2022-2026|JTJ HY1AX 0|1
Skoda|Rapid|hatchback|5|FWD|170|economy|1.6p110 1.4p125|1200-1800|15000/12|12000-28000|2021-2022|XW8 AC1NH 4|4
Skoda|Octavia|hatchback|5|FWD|155|comfort|1.4p150 1.8p180|1700-3000|15000/12|12000-25000|2021-2026|XW8 AN3NX 4|4
Skoda|Karoq|crossover|5|FWD AWD|180|comfort|1.4p150|2300-3000|15000/12|12000-24000|2021-2024|XW8 AN5NU 4|2
Skoda|Kodiaq|crossover|7|FWD AWD|190|comfort|1.4p150 2.0p180|2700-4500|15000/12|12000-24000|2021-2026|XW8 AN6NS 4|3
Skoda|Superb|sedan|5|FWD AWD|150|business|1.4p150 2.0p190|3000-4000|15000/12|12000-25000|2021-2024|TMB AJ9NP 0|1
Volkswagen|Polo|hatchback|5|FWD|163|economy|1.6p90 1.4p125|1200-1800|15000/12|12000-30000|2021-2022|XW8 ZZZ6R 4|5
Volkswagen|Taos|crossover|5|FWD AWD|190|comfort|1.4p150|1900-2800|15000/12|12000-24000|2021-2024|XW8 ZZZCT 4|2
Volkswagen|Tiguan|crossover|5|FWD AWD|200|comfort|1.4p150 2.0p180|2500-4500|15000/12|12000-24000|2021-2026|XW8 ZZZ5N 4|4
Volkswagen|Teramont|suv|7|AWD|203|business|2.0p220 3.6p280|4000-6000|15000/12|12000-25000|2021-2026|1V2 DR2CA C|1
Volkswagen|Touareg|suv|5|AWD|215|premium|3.0d249 3.0p340|6000-9000|15000/12|12000-25000|2021-2026|WVG ZZZCR 0|1
Volkswagen|Multivan|minivan|7|FWD AWD|170|business|2.0d150 2.0p204|5000-7500|15000/12|15000-35000|2021-2026|WV2 ZZZSH 0|1
Renault|Logan|sedan|5|FWD|172|economy|1.6p82 1.6p113|900-1300|15000/12|15000-35000|2021-2022|X7L 4SRL9 1|4
Renault|Sandero Stepway|hatchback|5|FWD|195|economy|1.6p82 1.6p113|1000-1400|15000/12|12000-28000|2021-2022|X7L 5SRL9 1|3
Renault|Duster|crossover|5|FWD AWD|210|economy|1.6p114 1.3p150|1300-2100|15000/12|12000-25000|2021-2022|X7L HSRAF 1|5
Renault|Arkana|crossover|5|FWD AWD|205|comfort|1.6p114 1.3p150|1600-2400|15000/12|12000-24000|2021-2022|X7L RJAEH 1|3
Renault|Kaptur|crossover|5|FWD AWD|204|economy|1.6p114 1.3p150|1400-1900|15000/12|12000-24000|2021-2022|X7L ASRAE 1|2
Nissan|Qashqai|crossover|5|FWD AWD|200|comfort|2.0p144 1.3p150|1900-2600|15000/12|12000-24000|2021-2022|Z8N J11SA 0|3
Nissan|X-Trail|crossover|5|FWD AWD|210|comfort|2.0p144 2.5p171|2300-3500|15000/12|12000-24000|2021-2026|Z8N T32SA 0|3
Nissan|Terrano|crossover|5|FWD AWD|205|economy|1.6p114 2.0p143|1200-1600|15000/12|12000-25000|2021-2022|Z8N HBD10 0|2
Nissan|Murano|crossover|5|AWD|184|business|3.5p249|3000-4000|15000/12|12000-24000|2021-2022|Z8N Z52SA 0|1
BMW|3 Series|sedan|5|RWD AWD|140|premium|2.0p184 2.0p258|4000-6000|15000/12|10000-20000|2021-2026|X4X 5F310 0|2
BMW|5 Series|sedan|5|RWD AWD|145|premium|2.0p249 3.0d286|6000-9000|15000/12|10000-22000|2021-2026|X4X JL510 0|2
BMW|X3|crossover|5|AWD|204|premium|2.0p184 2.0d190 3.0p360|5000-7000|15000/12|10000-20000|2021-2026|X4X TX310 0|2
BMW|X5|suv|5|AWD|214|premium|3.0p340 3.0d298|8000-12000|15000/12|10000-22000|2021-2026|X4X CR310 0|2
Mercedes-Benz|C-Class|sedan|5|RWD AWD|140|premium|1.5p204 2.0p258|4500-6500|15000/12|10000-20000|2021-2026|W1K 2060L 0|1
Mercedes-Benz|E-Class|sedan|5|RWD AWD|145|premium|2.0p249 3.0d286|6000-9000|15000/12|10000-22000|2021-2026|W1K 2130L 0|2
Mercedes-Benz|GLC|crossover|5|AWD|180|premium|2.0p258 2.0d197|6000-8000|15000/12|10000-20000|2021-2026|W1N 2539L 0|2
Mercedes-Benz|GLE|suv|5|AWD|205|premium|3.0p367 2.9d249|9000-13000|15000/12|10000-22000|2021-2026|W1N 1671L 0|2
Mercedes-Benz|V-Class|minivan|7|RWD AWD|165|premium|2.1d190 2.0p211|7000-10000|15000/12|15000-35000|2021-2026|WDF 44781 0|1
Mazda|CX-5|crossover|5|FWD AWD|192|comfort|2.0p150 2.5p194|2700-3800|15000/12|12000-24000|2021-2026|JMZ KF4WL 0|2
Mitsubishi|Outlander|crossover|7|AWD|210|comfort|2.0p146 2.5p181|2800-4000|15000/12|12000-24000|2021-2026|JMB XTGF7 0|2
Jetour|Dashing|crossover|5|FWD|200|comfort|1.5p156 1.6p186|2400-3000|10000/12|12000-24000|2023-2026|LVT DB12J 5|2
Jetour|X70 Plus|crossover|7|FWD|185|comfort|1.5p156 1.6p186|2500-3100|10000/12|12000-24000|2023-2026|LVT DB22J 5|1
`;

const FUELS: Record<string, Fuel> = { p: "petrol", d: "diesel", h: "hybrid", e: "electric" };

const range = (text: string) => {
  const [a, b] = text.split("-").map(Number);
  return [a!, b!] as const;
};

function parse(line: string): CarModel {
  const [
    brand,
    model,
    body,
    seats,
    drives,
    clearance,
    comfort,
    engines,
    price,
    service,
    km,
    years,
    vin,
    pop,
  ] = line.split("|");
  const [priceMin, priceMax] = range(price!);
  const [kmLow, kmHigh] = range(km!);
  const [from, to] = range(years!);
  const [serviceKm, serviceMonths] = service!.split("/").map(Number);
  const [wmi, vds, plant] = vin!.split(" ");
  return {
    id: `${brand}-${model}`.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    brand: brand!,
    model: model!,
    body: body as BodyType,
    seats: Number(seats),
    drives: drives!.split(" ") as Drive[],
    groundClearanceMm: Number(clearance),
    comfort: comfort as ComfortClass,
    engines: engines!.split(" ").map((e) => {
      const m = /^([\d.]+)([pdhe])(\d+)$/.exec(e);
      if (!m) throw new Error(`car catalog: bad engine ${e} in ${line}`);
      return { displacement: Number(m[1]), fuel: FUELS[m[2]!]!, powerHp: Number(m[3]) };
    }),
    priceRub: { min: priceMin * 1000, max: priceMax * 1000 },
    maintenance: { km: serviceKm!, months: serviceMonths! },
    annualKm: { low: kmLow, high: kmHigh },
    years: { from, to },
    vin: { wmi: wmi!, vds: vds!, plant: plant! },
    popularity: Number(pop),
  };
}

export const CAR_CATALOG: readonly CarModel[] = TABLE.trim().split("\n").map(parse);

export const CAR_MODELS_BY_ID: ReadonlyMap<string, CarModel> = new Map(CAR_CATALOG.map((m) => [m.id, m]));
