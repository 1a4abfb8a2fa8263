import type { DepartmentKind, Role } from "@orbit/contracts";

/** The demo dealer group: five dealerships and a service centre in Moscow and St Petersburg. */
export interface DemoDealership {
  code: string;
  name: string;
  city: "Москва" | "Санкт-Петербург";
  brands: string[];
  address: string;
  phone: string;
  /** Latitude and longitude of the centre. */
  location: [number, number];
  /** Sells cars (new and used) or only services them. */
  sells: boolean;
  /** Share of the group's clients who first came through this dealership. */
  clientShare: number;
}

export const DEMO_GROUP_NAME = "Автогруппа «Орбита»";

export const DEMO_DEALERSHIPS: readonly DemoDealership[] = [
  {
    code: "MSK-HAVAL",
    name: "Орбита Haval Алтуфьево",
    city: "Москва",
    brands: ["Haval", "Tank"],
    address: "Москва, Алтуфьевское шоссе, 31",
    phone: "+74951500101",
    location: [55.8953, 37.5869],
    sells: true,
    clientShare: 0.24,
  },
  {
    code: "MSK-KIA",
    name: "Орбита Kia Варшавка",
    city: "Москва",
    brands: ["Kia", "Hyundai"],
    address: "Москва, Варшавское шоссе, 150",
    phone: "+74951500202",
    location: [55.5868, 37.5985],
    sells: true,
    clientShare: 0.22,
  },
  {
    code: "MSK-CHERY",
    name: "Орбита Chery Кунцево",
    city: "Москва",
    brands: ["Chery", "Exeed", "Omoda"],
    address: "Москва, Рублёвское шоссе, 62",
    phone: "+74951500303",
    location: [55.7456, 37.3972],
    sells: true,
    clientShare: 0.18,
  },
  {
    code: "SPB-GEELY",
    name: "Орбита Geely Приморский",
    city: "Санкт-Петербург",
    brands: ["Geely", "Lada"],
    address: "Санкт-Петербург, Приморский проспект, 54",
    phone: "+78123300404",
    location: [59.9846, 30.2206],
    sells: true,
    clientShare: 0.2,
  },
  {
    code: "SPB-TOYOTA",
    name: "Орбита Пулково: Toyota и автомобили с пробегом",
    city: "Санкт-Петербург",
    brands: ["Toyota", "Lexus"],
    address: "Санкт-Петербург, Пулковское шоссе, 40",
    phone: "+78123300505",
    location: [59.8123, 30.3214],
    sells: true,
    clientShare: 0.16,
  },
  {
    code: "SPB-SERVICE",
    name: "Орбита Сервис Кудрово",
    city: "Санкт-Петербург",
    brands: [],
    address: "Ленинградская область, Кудрово, Центральная улица, 8",
    phone: "+78123300606",
    location: [59.9075, 30.5139],
    sells: false,
    clientShare: 0,
  },
];

export const DEPARTMENT_NAMES: Record<DepartmentKind, { ru: string }> = {
  management: { ru: "Дирекция" },
  sales_new: { ru: "Отдел продаж новых автомобилей" },
  sales_used: { ru: "Отдел продаж автомобилей с пробегом" },
  service: { ru: "Сервис" },
  parts: { ru: "Склад запчастей" },
  finance_insurance: { ru: "Кредитование и страхование" },
  call_center: { ru: "Контакт-центр" },
  marketing: { ru: "Маркетинг" },
};

export function departmentsOf(d: DemoDealership): DepartmentKind[] {
  return d.sells
    ? ["management", "sales_new", "sales_used", "service", "parts", "finance_insurance"]
    : ["management", "service", "parts"];
}

export interface DemoStaffMember {
  login: string;
  fullName: string;
  role: Role;
  /** Dealership code, or null for group-wide staff. */
  dealership: string | null;
  department: DepartmentKind | null;
  extension: string;
}

/** The accounts printed at start-up, one per role, so every part of Orbit can be tried. */
export const DEMO_LOGINS: readonly DemoStaffMember[] = [
  {
    login: "admin",
    fullName: "Андрей Викторович Соколов",
    role: "admin",
    dealership: null,
    department: null,
    extension: "100",
  },
  {
    login: "director",
    fullName: "Елена Сергеевна Морозова",
    role: "director",
    dealership: null,
    department: null,
    extension: "101",
  },
  {
    login: "sales.manager",
    fullName: "Игорь Павлович Кузнецов",
    role: "sales_manager",
    dealership: "MSK-HAVAL",
    department: "sales_new",
    extension: "110",
  },
  {
    login: "sales",
    fullName: "Дмитрий Алексеевич Волков",
    role: "salesperson",
    dealership: "MSK-HAVAL",
    department: "sales_new",
    extension: "111",
  },
  {
    login: "service",
    fullName: "Ольга Николаевна Лебедева",
    role: "service_advisor",
    dealership: "MSK-HAVAL",
    department: "service",
    extension: "120",
  },
  {
    login: "operator",
    fullName: "Анастасия Игоревна Павлова",
    role: "call_center_operator",
    dealership: null,
    department: null,
    extension: "130",
  },
  {
    login: "callcenter.head",
    fullName: "Татьяна Викторовна Белова",
    role: "call_center_head",
    dealership: null,
    department: null,
    extension: "131",
  },
  {
    login: "fi",
    fullName: "Михаил Юрьевич Орлов",
    role: "fi_specialist",
    dealership: "MSK-HAVAL",
    department: "finance_insurance",
    extension: "140",
  },
  {
    login: "appraiser",
    fullName: "Денис Викторович Зайцев",
    role: "appraiser",
    dealership: "MSK-HAVAL",
    department: "sales_used",
    extension: "145",
  },
  {
    login: "pm",
    fullName: "Светлана Андреевна Никитина",
    role: "personal_manager",
    dealership: "MSK-HAVAL",
    department: "sales_new",
    extension: "150",
  },
  {
    login: "marketer",
    fullName: "Кирилл Олегович Федоров",
    role: "marketer",
    dealership: null,
    department: null,
    extension: "160",
  },
];

export const DEMO_PASSWORD = "orbit-demo";
/** The demo web site's key for POST /api/events (X-Orbit-Key). A real site gets a key made by Orbit. */
export const DEMO_SITE_KEY = "orbit-demo-site-key";
