/** Word lists the demo data is drawn from: categories with price ranges, countries with cities, names. */

export interface CategorySpec {
  name: string;
  /** List price range in cents. */
  priceCents: [number, number];
  nouns: string[];
}

export const CATEGORIES: CategorySpec[] = [
  { name: "Laptops", priceCents: [49_900, 249_900], nouns: ["Laptop", "Notebook", "Ultrabook"] },
  { name: "Smartphones", priceCents: [19_900, 129_900], nouns: ["Phone", "Smartphone"] },
  { name: "Tablets", priceCents: [14_900, 99_900], nouns: ["Tablet", "Slate"] },
  { name: "Headphones", priceCents: [1_990, 39_900], nouns: ["Headphones", "Earbuds", "Headset"] },
  { name: "Cameras", priceCents: [19_900, 189_900], nouns: ["Camera", "Action Cam", "Lens"] },
  { name: "Monitors", priceCents: [9_900, 89_900], nouns: ["Monitor", "Display"] },
  { name: "Keyboards", priceCents: [1_990, 19_900], nouns: ["Keyboard", "Keypad"] },
  { name: "Mice", priceCents: [990, 12_900], nouns: ["Mouse", "Trackball", "Trackpad"] },
  { name: "Storage", priceCents: [2_990, 49_900], nouns: ["SSD", "Hard Drive", "USB Stick", "Memory Card"] },
  { name: "Networking", priceCents: [1_990, 39_900], nouns: ["Router", "Switch", "Access Point", "Mesh Kit"] },
  { name: "Smart Home", priceCents: [1_490, 29_900], nouns: ["Smart Plug", "Thermostat", "Doorbell", "Light Bulb"] },
  { name: "Wearables", priceCents: [2_990, 79_900], nouns: ["Smartwatch", "Fitness Band", "Ring"] },
  { name: "Gaming", priceCents: [1_990, 59_900], nouns: ["Controller", "Console", "Gaming Chair", "Racing Wheel"] },
  { name: "Audio", priceCents: [2_990, 149_900], nouns: ["Speaker", "Soundbar", "Amplifier", "Turntable"] },
  { name: "Printers", priceCents: [4_990, 69_900], nouns: ["Printer", "Scanner", "Label Printer"] },
  { name: "Cables & Adapters", priceCents: [490, 4_990], nouns: ["Cable", "Adapter", "Hub", "Dock"] },
  { name: "Power", priceCents: [990, 19_900], nouns: ["Charger", "Power Bank", "UPS", "Power Strip"] },
  { name: "Office Furniture", priceCents: [4_990, 99_900], nouns: ["Desk", "Chair", "Monitor Arm", "Footrest"] },
  { name: "Software", priceCents: [990, 49_900], nouns: ["Licence", "Subscription", "Suite"] },
  { name: "Accessories", priceCents: [490, 7_990], nouns: ["Case", "Sleeve", "Stand", "Screen Protector"] },
];

export const ADJECTIVES = ["Pro", "Max", "Lite", "Air", "Ultra", "Mini", "Plus", "Classic", "Edge", "Nova", "Prime", "Swift", "Zen", "Core", "Flex"];
export const BRANDS = ["Acme", "Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Hooli", "Vandelay"];

/** Countries (ISO 3166-1 alpha-2) with relative weight and a few cities each. */
export const COUNTRIES: Array<{ code: string; weight: number; cities: string[] }> = [
  { code: "US", weight: 30, cities: ["New York", "San Francisco", "Chicago", "Austin", "Seattle", "Boston"] },
  { code: "DE", weight: 12, cities: ["Berlin", "Munich", "Hamburg", "Cologne", "Frankfurt"] },
  { code: "GB", weight: 10, cities: ["London", "Manchester", "Edinburgh", "Bristol"] },
  { code: "FR", weight: 8, cities: ["Paris", "Lyon", "Marseille", "Toulouse"] },
  { code: "JP", weight: 6, cities: ["Tokyo", "Osaka", "Kyoto", "Fukuoka"] },
  { code: "CA", weight: 5, cities: ["Toronto", "Vancouver", "Montreal"] },
  { code: "AU", weight: 4, cities: ["Sydney", "Melbourne", "Brisbane"] },
  { code: "NL", weight: 4, cities: ["Amsterdam", "Rotterdam", "Utrecht"] },
  { code: "ES", weight: 4, cities: ["Madrid", "Barcelona", "Valencia"] },
  { code: "IT", weight: 4, cities: ["Rome", "Milan", "Turin"] },
  { code: "SE", weight: 2, cities: ["Stockholm", "Gothenburg"] },
  { code: "PL", weight: 2, cities: ["Warsaw", "Krakow"] },
  { code: "BR", weight: 3, cities: ["São Paulo", "Rio de Janeiro"] },
  { code: "IN", weight: 3, cities: ["Bengaluru", "Mumbai", "Delhi"] },
  { code: "MX", weight: 2, cities: ["Mexico City", "Guadalajara"] },
  { code: "CH", weight: 1, cities: ["Zurich", "Geneva"] },
  { code: "AT", weight: 1, cities: ["Vienna", "Graz"] },
  { code: "KR", weight: 2, cities: ["Seoul", "Busan"] },
];

export const FIRST_NAMES = ["Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hiro", "Ines", "Jonas", "Kai", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Xenia", "Yusuf", "Zoe", "Liam", "Mia", "Noah", "Sofia"];
export const LAST_NAMES = ["Smith", "Müller", "Garcia", "Rossi", "Tanaka", "Martin", "Novak", "Silva", "Kim", "Johansson", "Dubois", "Kowalski", "Patel", "Nguyen", "Schmidt", "Brown", "Lopez", "Meyer", "Sato", "Wilson"];

export const REVIEW_BODIES: Record<number, string[]> = {
  1: ["Stopped working after a week.", "Not as described, returned it.", "Very disappointed with the quality."],
  2: ["Works, but feels cheap.", "Shipping took far too long.", "Battery life is poor."],
  3: ["Does the job, nothing special.", "Okay for the price.", "Average; setup was confusing."],
  4: ["Good value, would buy again.", "Solid build and fast delivery.", "Happy with it, minor quirks."],
  5: ["Excellent, exceeded expectations!", "Perfect, exactly what I needed.", "Best purchase this year."],
};
