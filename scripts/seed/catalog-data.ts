import demoData from '../../resources/demo-data.json'

export interface PlannedCourse {
  code: string
  title: string
  description: string
  /** Minor units of `currency`; KWD prices end in 0 so a card can charge them. */
  priceAmount: number
  currency: string
  /** When it went on sale; before the history window unless stated. */
  launchedDaysAgo?: number
  /** Set for courses no longer sold: they appear in older orders only. */
  retiredDaysAgo?: number
}

const DEMO_RETIRED_DAYS_AGO = 420

// The demo catalog first, as a fresh install has it, so seeded history sells the courses people see in demos.
const demoCourses: PlannedCourse[] = demoData.courses.map((course) => ({
  code: course.code,
  title: course.title,
  description: course.description,
  priceAmount: course.priceAmount,
  currency: course.currency,
  ...('active' in course && course.active === false ? { retiredDaysAgo: DEMO_RETIRED_DAYS_AGO } : {}),
}))

// More courses so the catalog is the size of a real small shop (~60), in every currency the till must format.
const extraCourses: PlannedCourse[] = [
  { code: 'ACC-210', title: 'Management Accounting', description: 'Costing, budgets and variance analysis for managers.', priceAmount: 8900, currency: 'GBP' },
  { code: 'PAY-120', title: 'Payroll for Small Employers', description: 'PAYE, pensions and payslips without the panic.', priceAmount: 5900, currency: 'GBP' },
  { code: 'VAT-130', title: 'VAT Returns Made Simple', description: 'Registration, schemes and quarterly returns.', priceAmount: 3900, currency: 'GBP' },
  { code: 'LDR-300', title: 'Leading Small Teams', description: 'Delegation, feedback and one-to-ones that work.', priceAmount: 12900, currency: 'GBP' },
  { code: 'WRT-110', title: 'Business Writing', description: 'Clear emails, reports and proposals.', priceAmount: 2900, currency: 'GBP' },
  { code: 'GDN-100', title: 'Garden Design Basics', description: 'Plan borders, paths and planting for any plot.', priceAmount: 4500, currency: 'GBP' },
  { code: 'BAK-100', title: 'Sourdough & Artisan Bread', description: 'Starters, shaping and baking in a home oven.', priceAmount: 3500, currency: 'GBP' },
  { code: 'SOC-180', title: 'Social Media Marketing 2019', description: 'Superseded by Digital Marketing Essentials.', priceAmount: 2500, currency: 'GBP', retiredDaysAgo: 500 },
  { code: 'FIR-100', title: 'First Aid at Work', description: 'The skills to act in the first minutes of an emergency.', priceAmount: 6900, currency: 'GBP' },
  { code: 'NEG-200', title: 'Negotiation Skills', description: 'Prepare, anchor and close deals calmly.', priceAmount: 9900, currency: 'GBP', launchedDaysAgo: 300 },
  { code: 'GER-101', title: 'German for Beginners', description: 'Speak and understand everyday German in ten weeks.', priceAmount: 4900, currency: 'EUR' },
  { code: 'FRA-101', title: 'French Conversation', description: 'Confident small talk, from cafés to meetings.', priceAmount: 4900, currency: 'EUR' },
  { code: 'SPA-101', title: 'Spanish in Thirty Days', description: 'A daily half hour to holiday-ready Spanish.', priceAmount: 3900, currency: 'EUR' },
  { code: 'WIN-150', title: 'Wine Tasting Foundations', description: 'Grapes, regions and how to describe a glass.', priceAmount: 7500, currency: 'EUR' },
  { code: 'GDP-200', title: 'GDPR for Small Businesses', description: 'What to record, what to ask and what to delete.', priceAmount: 9500, currency: 'EUR' },
  { code: 'UXD-210', title: 'UX Design Fundamentals', description: 'Research, wireframes and usability tests.', priceAmount: 12900, currency: 'EUR' },
  { code: 'YOG-100', title: 'Yoga Teacher Preparation', description: 'Anatomy, sequencing and cueing for new teachers.', priceAmount: 14900, currency: 'EUR', launchedDaysAgo: 200 },
  { code: 'PST-120', title: 'Fresh Pasta Workshop', description: 'Doughs, shapes and sauces by hand.', priceAmount: 2900, currency: 'EUR' },
  { code: 'PHP-200', title: 'PHP for the Web', description: 'Retired: replaced by Web Design with HTML & CSS.', priceAmount: 5900, currency: 'EUR', retiredDaysAgo: 300 },
  { code: 'SKT-210', title: 'Sketching for Architects', description: 'Perspective and quick studies on site.', priceAmount: 8900, currency: 'EUR' },
  { code: 'PYT-101', title: 'Python Programming for Beginners', description: 'Variables to small programs, no experience needed.', priceAmount: 9900, currency: 'USD' },
  { code: 'DAT-220', title: 'Data Analysis with SQL', description: 'Joins, window functions and honest charts.', priceAmount: 14900, currency: 'USD' },
  { code: 'JSX-200', title: 'Modern JavaScript', description: 'Modules, async code and the DOM.', priceAmount: 12900, currency: 'USD' },
  { code: 'MLF-300', title: 'Machine Learning Foundations', description: 'Regression, trees and model evaluation.', priceAmount: 24900, currency: 'USD' },
  { code: 'CLD-250', title: 'Cloud Fundamentals', description: 'Compute, storage and networking in the cloud.', priceAmount: 19900, currency: 'USD' },
  { code: 'SEC-150', title: 'Cybersecurity Basics', description: 'Passwords, phishing and patching for everyone.', priceAmount: 8900, currency: 'USD' },
  { code: 'GIT-100', title: 'Git and GitHub Essentials', description: 'Commits, branches and pull requests.', priceAmount: 2900, currency: 'USD' },
  { code: 'PRD-230', title: 'Product Management', description: 'Discovery, roadmaps and saying no.', priceAmount: 17900, currency: 'USD' },
  { code: 'GTR-100', title: 'Guitar from Scratch', description: 'Chords, strumming and your first songs.', priceAmount: 4900, currency: 'USD' },
  { code: 'PNO-100', title: 'Piano for Adults', description: 'Read music and play with both hands.', priceAmount: 5900, currency: 'USD' },
  { code: 'VID-140', title: 'Video Editing with DaVinci Resolve', description: 'Cut, grade and export a short film.', priceAmount: 6900, currency: 'USD' },
  { code: 'POD-110', title: 'Podcasting Starter', description: 'Record, edit and publish your show.', priceAmount: 3900, currency: 'USD', launchedDaysAgo: 150 },
  { code: 'SEO-120', title: 'SEO Essentials 2020', description: 'Retired: search changed, see Digital Marketing Essentials.', priceAmount: 4900, currency: 'USD', retiredDaysAgo: 450 },
  { code: 'CHS-100', title: 'Chess Strategy', description: 'Openings, plans and endgames.', priceAmount: 1999, currency: 'USD' },
  { code: 'JPN-101', title: 'Japanese for Beginners (N5)', description: 'Kana, basic grammar and 800 words.', priceAmount: 12000, currency: 'JPY' },
  { code: 'IKB-100', title: 'Ikebana Flower Arranging', description: 'Line, space and seasonal materials.', priceAmount: 8800, currency: 'JPY' },
  { code: 'TEA-100', title: 'The Tea Ceremony', description: 'Chanoyu etiquette and preparing matcha.', priceAmount: 9800, currency: 'JPY' },
  { code: 'ORI-100', title: 'Origami Masterclass', description: 'From cranes to modular models.', priceAmount: 3300, currency: 'JPY' },
  { code: 'RMN-120', title: 'Ramen from Scratch', description: 'Broth, tare, noodles and toppings.', priceAmount: 5500, currency: 'JPY', launchedDaysAgo: 250 },
  { code: 'ANI-200', title: 'Anime Drawing', description: 'Retired: the instructor left.', priceAmount: 7700, currency: 'JPY', retiredDaysAgo: 200 },
  { code: 'ARB-101', title: 'Arabic for Beginners', description: 'Alphabet, greetings and everyday phrases.', priceAmount: 25000, currency: 'KWD' },
  { code: 'OUD-100', title: 'Oud for Beginners', description: 'Maqam basics and your first pieces.', priceAmount: 35000, currency: 'KWD' },
  { code: 'IFR-300', title: 'IFRS Accounting', description: 'International standards for preparers.', priceAmount: 95000, currency: 'KWD' },
  { code: 'CAL-200', title: 'Advanced Arabic Calligraphy', description: 'Thuluth composition and layout.', priceAmount: 30000, currency: 'KWD' },
  { code: 'FIN-150', title: 'Personal Finance', description: 'Budgets, saving and investing basics.', priceAmount: 12500, currency: 'KWD' },
  { code: 'PHO-210', title: 'Desert Photography', description: 'Light, heat and landscapes.', priceAmount: 18750, currency: 'KWD' },
  { code: 'ENG-110', title: 'Business English', description: 'Meetings, emails and presentations.', priceAmount: 20000, currency: 'KWD', launchedDaysAgo: 100 },
]

export const PLANNED_COURSES: readonly PlannedCourse[] = [...demoCourses, ...extraCourses]
