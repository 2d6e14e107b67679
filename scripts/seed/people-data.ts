import type { Random } from './random'

/** Where a customer lives decides their name, email domain, phone format and usual currency. */
export interface Region {
  currency: string
  /** Share of customers from here. */
  weight: number
  /** Share of customers who gave a phone number. */
  phoneShare: number
  /** Share who gave a middle name too: with it most full names are distinct, as in a real customer list. */
  middleNameShare: number
  firstNames: readonly string[]
  lastNames: readonly string[]
  /** Reserved example domains (RFC 2606), so no seeded email can reach a real inbox. */
  domains: readonly string[]
  phone(rng: Random): string
}

const words = (text: string): readonly string[] => text.trim().split(/\s+/)
const digits = (rng: Random, count: number): string => String(rng.int(0, 10 ** count - 1)).padStart(count, '0')

export const REGIONS: readonly Region[] = [
  {
    currency: 'GBP',
    weight: 34,
    phoneShare: 0.45,
    middleNameShare: 0.3,
    firstNames: words(`Oliver Amelia George Isla Harry Ava Jack Mia Charlie Sophie Thomas Grace Jacob Lily Alfie Emily Noah
      Poppy Oscar Freya William Evie James Ella Leo Ruby Archie Alice Henry Florence Arthur Rosie Samuel Imogen`),
    lastNames: words(`Smith Jones Taylor Brown Williams Wilson Davies Evans Thomas Roberts Johnson Walker Wright Robinson
      Thompson White Hughes Edwards Green Hall Wood Harris Clarke Jackson Turner Hill Moore Cooper Ward Morris Patel Khan Hart`),
    domains: ['example.co.uk', 'example.com', 'mail.example.org'],
    // Ofcom keeps 07700 900xxx free for drama: never a real phone.
    phone: (rng) => `+44 7700 900${digits(rng, 3)}`,
  },
  {
    currency: 'USD',
    weight: 24,
    phoneShare: 0.5,
    middleNameShare: 0.4,
    firstNames: words(`Liam Olivia Noah Emma Elijah Charlotte James Sophia Benjamin Amelia Lucas Harper Mason Evelyn Ethan
      Abigail Logan Emily Aiden Madison Carter Avery Jayden Ella Daniel Scarlett Michael Chloe Matthew Zoey Tyler Hannah`),
    lastNames: words(`Smith Johnson Williams Brown Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Anderson
      Thomas Moore Jackson Martin Lee Perez Thompson Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King`),
    domains: ['example.com', 'example.net', 'mail.example.com'],
    // 555-0100 to 555-0199 are reserved for fiction in the North American plan.
    phone: (rng) => `+1 ${rng.pick(['202', '312', '415', '512', '617'])} 555 01${digits(rng, 2)}`,
  },
  {
    currency: 'EUR',
    weight: 12,
    phoneShare: 0.35,
    middleNameShare: 0.25,
    firstNames: words(`Lukas Anna Leon Mia Felix Lena Jonas Hannah Paul Emilia Maximilian Sophie Finn Marie Elias Lea Noah
      Clara Ben Laura Luis Johanna Moritz Katharina Jakob Julia Tobias Sarah Niklas Greta`),
    lastNames: words(`Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter
      Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Werner Krause Lehmann Köhler`),
    domains: ['example.de', 'example.com', 'mail.example.net'],
    // Berlin's 030 23125 xxx block is the German equivalent of a drama number.
    phone: (rng) => `+49 30 23125 ${digits(rng, 3)}`,
  },
  // Italy and Ireland: the euro customers who are not German.
  {
    currency: 'EUR',
    weight: 8,
    phoneShare: 0.35,
    middleNameShare: 0.15,
    firstNames: words(`Giulia Francesco Sofia Alessandro Aurora Lorenzo Ginevra Mattia Alice Leonardo Chiara Andrea Martina
      Gabriele Giorgia Riccardo Sara Tommaso Beatrice Edoardo Elena Marco Federica Luca Valentina Matteo Aoife Ciarán Niamh Seán`),
    lastNames: words(`Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Marchetti
      Costa Giordano Mancini Rizzo Lombardi Moretti Murphy Kelly O'Sullivan Walsh O'Brien Byrne Ryan O'Connor Doyle`),
    domains: ['example.it', 'example.ie', 'example.com'],
    phone: (rng) => rng.pick([`+39 06 ${digits(rng, 4)} ${digits(rng, 4)}`, `+353 1 ${digits(rng, 3)} ${digits(rng, 4)}`]),
  },
  {
    currency: 'JPY',
    weight: 12,
    phoneShare: 0.4,
    middleNameShare: 0,
    firstNames: words(`Yuki Haruto Yui Sota Aoi Yuto Hina Riku Sakura Ren Mei Kaito Rin Hiroshi Akari Takumi Yuna Daiki Emi
      Kenji Mio Shota Nana Ryota Saki Kazuki Ayaka Naoki Miyu Tsubasa`),
    lastNames: words(`Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki
      Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa Ogawa Fujita Okada`),
    domains: ['example.jp', 'example.co.jp', 'example.com'],
    phone: (rng) => `+81 3 ${digits(rng, 4)} ${digits(rng, 4)}`,
  },
  {
    currency: 'KWD',
    weight: 8,
    phoneShare: 0.6,
    middleNameShare: 0.6,
    firstNames: words(`Fatima Ahmad Mariam Mohammed Noura Abdullah Sara Yousef Aisha Khalid Dana Hamad Lulwa Faisal Hessa
      Omar Shaikha Bader Reem Salem Dalal Nasser Latifa Jassim Munira Talal Maha Meshal Ghadeer Saud`),
    lastNames: words(`Al-Sabah Al-Mutairi Al-Ajmi Al-Enezi Al-Rashidi Al-Shammari Al-Kandari Al-Azmi Al-Hajri Al-Otaibi
      Al-Dosari Al-Fadhli Al-Harbi Al-Khaldi Al-Qahtani Al-Saleh Behbehani Dashti Al-Ghanim Al-Marzouq Al-Bahar Al-Roumi`),
    domains: ['example.com.kw', 'example.com', 'example.net'],
    phone: (rng) => `+965 ${rng.pick(['5', '6', '9'])}${digits(rng, 3)} ${digits(rng, 4)}`,
  },
]
