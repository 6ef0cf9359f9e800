const CATEGORIES = [
  { name: "Laptops", priceCents: [49900, 249900], nouns: ["Laptop", "Notebook", "Ultrabook"] },
  { name: "Smartphones", priceCents: [19900, 129900], nouns: ["Phone", "Smartphone"] },
  { name: "Tablets", priceCents: [14900, 99900], nouns: ["Tablet", "Slate"] },
  { name: "Headphones", priceCents: [1990, 39900], nouns: ["Headphones", "Earbuds", "Headset"] },
  { name: "Cameras", priceCents: [19900, 189900], nouns: ["Camera", "Action Cam", "Lens"] },
  { name: "Monitors", priceCents: [9900, 89900], nouns: ["Monitor", "Display"] },
  { name: "Keyboards", priceCents: [1990, 19900], nouns: ["Keyboard", "Keypad"] },
  { name: "Mice", priceCents: [990, 12900], nouns: ["Mouse", "Trackball", "Trackpad"] },
  { name: "Storage", priceCents: [2990, 49900], nouns: ["SSD", "Hard Drive", "USB Stick", "Memory Card"] },
  { name: "Networking", priceCents: [1990, 39900], nouns: ["Router", "Switch", "Access Point", "Mesh Kit"] },
  { name: "Smart Home", priceCents: [1490, 29900], nouns: ["Smart Plug", "Thermostat", "Doorbell", "Light Bulb"] },
  { name: "Wearables", priceCents: [2990, 79900], nouns: ["Smartwatch", "Fitness Band", "Ring"] },
  { name: "Gaming", priceCents: [1990, 59900], nouns: ["Controller", "Console", "Gaming Chair", "Racing Wheel"] },
  { name: "Audio", priceCents: [2990, 149900], nouns: ["Speaker", "Soundbar", "Amplifier", "Turntable"] },
  { name: "Printers", priceCents: [4990, 69900], nouns: ["Printer", "Scanner", "Label Printer"] },
  { name: "Cables & Adapters", priceCents: [490, 4990], nouns: ["Cable", "Adapter", "Hub", "Dock"] },
  { name: "Power", priceCents: [990, 19900], nouns: ["Charger", "Power Bank", "UPS", "Power Strip"] },
  { name: "Office Furniture", priceCents: [4990, 99900], nouns: ["Desk", "Chair", "Monitor Arm", "Footrest"] },
  { name: "Software", priceCents: [990, 49900], nouns: ["Licence", "Subscription", "Suite"] },
  { name: "Accessories", priceCents: [490, 7990], nouns: ["Case", "Sleeve", "Stand", "Screen Protector"] }
];
const ADJECTIVES = ["Pro", "Max", "Lite", "Air", "Ultra", "Mini", "Plus", "Classic", "Edge", "Nova", "Prime", "Swift", "Zen", "Core", "Flex"];
const BRANDS = ["Acme", "Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Hooli", "Vandelay"];
const COUNTRIES = [
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
  { code: "BR", weight: 3, cities: ["S\xE3o Paulo", "Rio de Janeiro"] },
  { code: "IN", weight: 3, cities: ["Bengaluru", "Mumbai", "Delhi"] },
  { code: "MX", weight: 2, cities: ["Mexico City", "Guadalajara"] },
  { code: "CH", weight: 1, cities: ["Zurich", "Geneva"] },
  { code: "AT", weight: 1, cities: ["Vienna", "Graz"] },
  { code: "KR", weight: 2, cities: ["Seoul", "Busan"] }
];
const FIRST_NAMES = ["Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hiro", "Ines", "Jonas", "Kai", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Xenia", "Yusuf", "Zoe", "Liam", "Mia", "Noah", "Sofia"];
const LAST_NAMES = ["Smith", "M\xFCller", "Garcia", "Rossi", "Tanaka", "Martin", "Novak", "Silva", "Kim", "Johansson", "Dubois", "Kowalski", "Patel", "Nguyen", "Schmidt", "Brown", "Lopez", "Meyer", "Sato", "Wilson"];
const REVIEW_BODIES = {
  1: ["Stopped working after a week.", "Not as described, returned it.", "Very disappointed with the quality."],
  2: ["Works, but feels cheap.", "Shipping took far too long.", "Battery life is poor."],
  3: ["Does the job, nothing special.", "Okay for the price.", "Average; setup was confusing."],
  4: ["Good value, would buy again.", "Solid build and fast delivery.", "Happy with it, minor quirks."],
  5: ["Excellent, exceeded expectations!", "Perfect, exactly what I needed.", "Best purchase this year."]
};
export {
  ADJECTIVES,
  BRANDS,
  CATEGORIES,
  COUNTRIES,
  FIRST_NAMES,
  LAST_NAMES,
  REVIEW_BODIES
};
