// The rubles package ships no types: it turns a sum into Russian words with roubles and kopecks.
declare module "rubles" {
  export function rubles(value: number | string): string | false;
}
