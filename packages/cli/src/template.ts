/** The commented asset template, used by `townhub new-asset` and kept as hub-data/_template.yaml. */

export interface TemplateValues {
  id: string;
  name: string;
  category: string;
  today: string;
}

const quote = (s: string) => JSON.stringify(s);

/** A valid asset file with every optional field explained in comments. */
export function assetTemplate({ id, name, category, today }: TemplateValues): string {
  return `# yaml-language-server: $schema=../../../../packages/schema/schema/asset.schema.json
# A community asset. Lines starting with # are comments and are ignored.
# Check your changes with: pnpm townhub check

# The id must match the file name (without .yaml): lower-case letters, digits and hyphens.
id: ${id}
name: ${quote(name)}
# One of: group, activity, service, organisation, event, venue, volunteering
kind: group
# One or two sentences, at most 200 characters.
summary: ${quote(`${name}: say in a sentence what happens and who it is for.`)}
# Plain text. Leave a blank line between paragraphs; start list items with "- ".
description: |
  Say what people can expect when they first come along.

  - What to bring
  - Who will be there
# Category ids from hub-data/taxonomy.yaml
categories:
  - ${category}
# organisation:
#   name: Example Community Trust
#   charityNumber: "1123456"
# Where it happens. Delete "areaWide: true" when you add a location.
areaWide: true
# locations:
#   - name: St Mary's Church Hall
#     address: [12 Example Street]
#     town: Birmingham
#     postcode: B16 8AA
#     lat: 52.4791
#     lng: -1.9244
# online: true
# schedule:
#   weekly:
#     - days: [tue, thu]
#       opens: "10:00"
#       closes: "12:00"
#   monthly:
#     - week: 1          # 1-4, or -1 for the last
#       day: sat
#       opens: "14:00"
#       closes: "16:00"
#   events:
#     - start: 2027-01-15T18:30
#       end: 2027-01-15T20:00
#   closures:
#     - from: 2026-12-24
#       to: 2027-01-02
#       reason: Christmas break
#   byAppointment: true
#   note: Please phone before your first visit.
cost:
  free: true
  # amount: 3
  # description: £3 per session
  # concessions: £1.50 for people on benefits
eligibility:
  # ageMin: 18
  # ageMax: 99
  # whoFor: Carers of people with dementia
  # self, needed (a referral is needed) or either
  referral: self
# accessibility: [step-free, accessible-toilet, hearing-loop, bsl, large-print, easy-read, quiet-space, parking, public-transport]
# contact:
#   phone: 0121 496 0000
#   email: hello@example.org
#   website: https://example.org/
#   booking: https://example.org/book
# languages: [en, pa, ur]
# volunteering:
#   roles: [Tea and chat host]
#   commitment: Two hours a week
# The date you last checked these details with the organisation (YYYY-MM-DD).
lastReviewed: ${today}
# tags: [walking, outdoors]
`;
}
