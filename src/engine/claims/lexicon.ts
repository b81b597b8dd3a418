// Word lists and patterns for the claim analysis. Patterns run on a unit's prose, where a
// line break or several spaces may stand between any two words, hence `\s+` throughout.

const W = String.raw`[\s\u00a0]+`; // between words
const H = String.raw`[\s\u00a0\-\u2010\u2011]+`; // between words, hyphen allowed

/**
 * Countries, regions and places abroad (from a U.S. or UK point of view): the countries of
 * the world (names that are also U.S. places or common words, such as Georgia or Jordan, are
 * left out), demonyms of the main magnet-producing countries, and China's provinces and the
 * cities of its magnet and rare-earth industry.
 */
const COUNTRIES =
  "Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Austria|Azerbaijan|Bahrain|Bangladesh|Belarus|Belgium|Bolivia|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burma|Cambodia|Cameroon|Chile|China|Colombia|Congo|Croatia|Cuba|Cyprus|Czechia|Czech${W}Republic|Denmark|Ecuador|Egypt|Estonia|Ethiopia|Finland|France|Gabon|Germany|Ghana|Greece|Guatemala|Hong${W}Kong|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|Kazakhstan|Kenya|Korea|Kuwait|Kyrgyzstan|Laos|Latvia|Lithuania|Luxembourg|Macau|Madagascar|Malawi|Malaysia|Mali|Mauritania|Mexico|Moldova|Mongolia|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|Holland|New${W}Zealand|Nigeria|North${W}Korea|Norway|Oman|Pakistan|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi${W}Arabia|Serbia|Singapore|Slovakia|Slovenia|South${W}Africa|South${W}Korea|Spain|Sri${W}Lanka|Sweden|Switzerland|Taiwan|Tajikistan|Tanzania|Thailand|Tunisia|Turkey|Türkiye|Uganda|Ukraine|United${W}Arab${W}Emirates|UAE|Uruguay|Uzbekistan|Venezuela|Vietnam|Zambia|Zimbabwe|PRC|People's${W}Republic${W}of${W}China";
const DEMONYMS =
  'Chinese|Japanese|Korean|Vietnamese|Malaysian|Thai|Indian|Indonesian|Taiwanese|Mexican|Asian|European|German|French|Russian|Estonian|Brazilian|Philippine|Mongolian|Burmese|Myanmar';
const CHINA_PLACES =
  "Anhui|Baotou|Beijing|Changsha|Changzhou|Chengdu|Chongqing|Dalian|Fujian|Fuzhou|Ganzhou|Gansu|Guangdong|Guangxi|Guangzhou|Guizhou|Hainan|Hangzhou|Hebei|Heilongjiang|Henan|Hubei|Hunan|Inner${W}Mongolia|Jiangsu|Jiangxi|Jilin|Jinan|Liaoning|Longnan|Nanchang|Nanjing|Ningbo|Ningxia|Qingdao|Qinghai|Shaanxi|Shandong|Shanghai|Shanxi|Shenyang|Shenzhen|Sichuan|Suzhou|Taiyuan|Tianjin|Wuhan|Wuxi|Xiamen|Xi'an|Xinjiang|Yunnan|Zhejiang|Zhuhai|Hefei|Wuhu|Ma'anshan|Ningde|Zhuzhou|Zhaoqing|Jingmen|Wenzhou|Taizhou|Huzhou|Jiaxing|Shaoxing|Jinhua|Yantai|Weifang|Zibo|Linyi|Handan|Tangshan|Hohhot|Chifeng|Leshan|Mianyang|Liangshan|Longyan|Sanming|Nantong|Yangzhou|Xuzhou|Lianyungang|Jiangmen|Dongguan|Foshan|Huizhou|Zhongshan|Kunming|Nanning|Guilin|Harbin|Changchun|Shijiazhuang|Zhengzhou|Luoyang|Lanzhou|Xining|Urumqi|Yinchuan|Dongying|Ganzhou|Jian|Fuzhou|Quanzhou|Shantou";
// Regions of EU member states: abroad for a U.S. claim, at home for a European one.
const EU_REGIONS = 'Bavaria|Hesse|Saxony|Thuringia|Baden-W(?:ü|u)rttemberg|Brandenburg|Rhineland|Westphalia|Swabia|Lombardy|Piedmont|Catalonia|Flanders|Wallonia|Bohemia|Moravia|Silesia';
const OTHER_PLACES = `${EU_REGIONS}|Ljubljana|Gebze|Istanbul|Kumagaya|Changwon|Tokyo|Osaka|Nagoya|Kyoto|Kobe|Yokohama|Shiga|Fukui|Gunma|Tochigi|Ibaraki|Saitama|Chiba|Shizuoka|Aichi|Mie|Hyogo|Kyushu|Honshu|Hokkaido|Hiroshima|Fukuoka|Takefu|Echizen|Seoul|Busan|Incheon|Pohang|Ulsan|Changwon|Gwangyang|Daegu|Gumi|Taipei|Taichung|Kaohsiung|Hsinchu|Ho${W}Chi${W}Minh${W}City|Hai${W}Phong|Rayong|Chonburi|Penang|Johor|Cebu|Batam|Da${W}Nang|Bac${W}Ninh|Binh${W}Duong|Mumbai|Pune|Chennai|Bangalore|Bengaluru|Delhi|Gujarat|Hyderabad|Hanoi|Haiphong|Bangkok|Kuala${W}Lumpur|Kuantan|Penang|Manila|Jakarta|Monterrey|Tijuana|Guadalajara|Juarez|Ciudad${W}Juarez|Saltillo|Tallinn|Sillam(?:ä|a)e|Asia|Europe|Africa|Latin${W}America|South${W}America|Southeast${W}Asia|East${W}Asia|the${W}Far${W}East|Middle${W}East`;
// Canada and Australia are abroad for a U.S. or UK claim and home for their own; which
// country a cue names is checked against the claim's (see HOME_OF).
const CANADA = String.raw`Canada|Canadian|Quebec|Québec|Ontario|Alberta|British${W}Columbia|Manitoba|Saskatchewan|Nova${W}Scotia|New${W}Brunswick|Newfoundland|Montreal|Montréal|Toronto|Vancouver|Calgary|Edmonton|Ottawa|Winnipeg|Saguenay|Sudbury|Mississauga`;
const AUSTRALIA = String.raw`Australia|Australian|Queensland|New${W}South${W}Wales|Western${W}Australia|South${W}Australia|Tasmania|Sydney|Melbourne|Brisbane|Adelaide|Perth`;
const JAPAN = 'Japan|Japanese|Tokyo|Osaka|Nagoya|Kyoto|Kobe|Yokohama|Shiga|Fukui|Gunma|Tochigi|Ibaraki|Saitama|Chiba|Shizuoka|Aichi|Mie|Hyogo|Kyushu|Honshu|Hokkaido|Hiroshima|Fukuoka|Takefu|Echizen|Kumagaya';
const KOREA = 'Korea|Korean|South${W}Korea|Seoul|Busan|Incheon|Pohang|Ulsan|Changwon|Gwangyang|Daegu|Gumi';
const EU_COUNTRY = `Austria|Austrian|Belgium|Belgian|Bulgaria|Croatia|Cyprus|Czechia|Czech|Denmark|Danish|Estonia|Estonian|Finland|Finnish|France|French|Germany|German|Greece|Greek|Hungary|Hungarian|Ireland|Irish|Italy|Italian|Latvia|Lithuania|Luxembourg|Malta|Netherlands|Dutch|Holland|Poland|Polish|Portugal|Portuguese|Romania|Slovakia|Slovenia|Slovenian|Spain|Spanish|Sweden|Swedish|Tallinn|Sillam(?:ä|a)e|Ljubljana|${EU_REGIONS}`;
const UK_PLACE = String.raw`Britain|British|U\.?K\.?|United${W}Kingdom|England|English|Scotland|Scottish|Wales|Welsh`;
const region = (src: string) => new RegExp(String.raw`\b(?:${src})\b`.replace(/\$\{W\}/g, W), 'i');
/**
 * Where a place or a nationality word lies, for comparing a claim's home with where blanks
 * came from or where they are finished: CN, JP, KR, EU (a member state or the Union), UK, CA,
 * AU. Other places abroad are "abroad" (abroad for every home).
 */
const REGIONS: [string, RegExp][] = [
  ['CN', region(String.raw`China|Chinese|PRC|People's${W}Republic${W}of${W}China|Hong${W}Kong|Macau|${CHINA_PLACES}`)],
  ['JP', region(JAPAN)],
  ['KR', region(KOREA)],
  ['EU', region(String.raw`EU|E\.U\.|European${W}Union|Europe|European|${EU_COUNTRY}`)],
  // Canada and Australia before the UK: "British Columbia", "New South Wales".
  ['CA', region(CANADA)],
  ['AU', region(AUSTRALIA)],
  ['UK', region(UK_PLACE)],
];
const CODE_REGION: Record<string, string> = { CN: 'CN', PRC: 'CN', HK: 'CN', JP: 'JP', KR: 'KR', DE: 'EU' };

/** The region a place word names ("Ningbo" → CN, "Linz" → abroad, "imported" → abroad). */
export function regionOf(place: string): string {
  const code = /\((CN|PRC|HK|JP|KR|DE)\)/.exec(place);
  if (code) return CODE_REGION[code[1]!]!;
  for (const [r, re] of REGIONS) if (re.test(place)) return r;
  return 'abroad';
}

/** Is material from `region` home-made for a claim made for `home`? */
export function inHome(home: string, region: string): boolean {
  return region === home;
}

// The home a non-U.S. claim names: "European-made", "Made in Japan", "qualifies as a Canadian
// manufacturer". A claim naming none is a U.S. claim (or a UK one: British words), unless a
// place is attached to it ("a domestic magnet maker in Gunma Prefecture").
const HOME_WORDS: [string, RegExp][] = [
  ['CA', /canad|ontario|qu[eé]bec|alberta|british\s+columbia|manitoba|saskatchewan|nova\s+scotia|new\s+brunswick/i],
  ['AU', /austral|aussie/i],
  ['EU', new RegExp(String.raw`\b(?:EU|E\.U\.|European|Europe|${EU_COUNTRY})\b`, 'i')],
  ['JP', /\bJapan(?:ese)?\b/i],
  ['KR', /\bKorea(?:n)?\b/i],
  ['UK', /british|britain|\bU\.?K\.?\b|united\s+kingdom|england|scotland|wales/i],
];
/** A place attached to a domestic word: "… manufacturer in Gunma Prefecture", "… (Osaka)". */
const ATTACHED_PLACE = new RegExp(String.raw`^[\s,]*(?:(?:based|located|headquartered)${W})?(?:(?:at|in)${W}(?:its|their|our|the)${W}(?:[\p{L}-]+${W}){0,2}?(?:plant|facility|factory|works|site)${W})?(?:in|at|near|\()${W}?(?:the${W})?([\p{Lu}][\p{L}'’.-]*(?:${W}[\p{Lu}][\p{L}'’.-]*){0,2})`, 'u');

/** The region a claim speaks for, from its words and a place attached right after it. */
export function homeOf(claimText: string, after = ''): string {
  for (const [r, re] of HOME_WORDS) if (re.test(claimText)) return r;
  const place = ATTACHED_PLACE.exec(after);
  if (place) {
    const r = regionOf(place[1]!);
    if (r !== 'abroad') return r;
  }
  return 'US';
}
// Country codes as drafters write them after a place: "Hai Phong (VN)", "Taiyuan (CN)".
const CODES = String.raw`\((?:CN|PRC|VN|JP|KR|TW|MX|TH|MY|IN|ID|PH|DE|HK|SG)\)`;
/** Places abroad for any claim (not Canada or Australia, which are home for their own claims). */
export const FOREIGN_CORE = new RegExp(
  String.raw`\b(?:${COUNTRIES}|${DEMONYMS}|${CHINA_PLACES}|${OTHER_PLACES}|overseas|abroad|offshore|foreign)\b|${CODES}`.replace(/\$\{W\}/g, W),
);
export const FOREIGN_PLACE = new RegExp(
  String.raw`\b(?:${COUNTRIES}|${DEMONYMS}|${CHINA_PLACES}|${OTHER_PLACES}|${CANADA}|${AUSTRALIA}|overseas|abroad|offshore|foreign)\b|${CODES}`.replace(/\$\{W\}/g, W),
);
export const FOREIGN_PLACE_G = new RegExp(FOREIGN_PLACE.source, 'g');

const US_STATE = String.raw`(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New${W}Hampshire|New${W}Jersey|New${W}Mexico|New${W}York|North${W}Carolina|North${W}Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode${W}Island|South${W}Carolina|South${W}Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West${W}Virginia|Wisconsin|Wyoming)`;
/** Words for where a product, firm or supply is presented as domestic (U.S., UK, Canada, Australia). */
const MADE = String.raw`(?:made|built|manufactured|manufacturing|produced|producing|sourced|origin)`;
const HOME_COUNTRY = String.raw`(?:the${H})?(?:USA|U\.\s?S\.\s?A\.|U\.\s?S\.|US|United${W}States|America|Britain|UK|U\.K\.|United${W}Kingdom|England|Scotland|Wales|Canada|Australia)`;
// Made-in words of homes outside the U.S., UK, Canada and Australia: claims for their own
// home ("European-made NdFeB", "Made in Japan"); homeOf reads which.
const ABROAD_NATION = String.raw`(?:European|Europe|EU|E\.U\.|Japanese|Japan|Korean|German|French|Italian|Spanish|Swedish|Finnish|Dutch|Austrian|Polish|Czech|Estonian)`;
const ABROAD_MADE = String.raw`${ABROAD_NATION}${H}(?:made|built|manufactured|produced)|made${H}in${H}(?:the${H})?(?:EU|E\.U\.|European${W}Union|Europe|Japan|South${W}Korea|Korea|Germany|France|Italy|Spain|Sweden|Finland|Netherlands|Austria|Poland|Czechia|Estonia)`;
// Homes outside the U.S. a production verb may name ("produces magnets in Italy"): homeOf reads which.
const ABROAD_HOME = String.raw`(?:EU|European${W}Union|Europe|Japan|South${W}Korea|Korea|Germany|France|Italy|Spain|Sweden|Finland|Netherlands|Austria|Poland|Czechia|Czech${W}Republic|Estonia|Slovenia|Denmark|Belgium)`;
const DW_CORE = String.raw`(?:fully${W}|100%${W}|100${W}percent${W}|entirely${W}|wholly${W}|proudly${W}|all${H})?(?:domestic(?:ally${H}(?:produced|manufactured|made|sourced|built|owned))?|(?<!\b(?:North|South|Central|Latin|Pan)[\s-])American(?:${H}${MADE})?|made${H}in${H}${HOME_COUNTRY}|made${H}in${H}${US_STATE}|made${H}in${H}(?:Ontario|Quebec|Québec|Alberta|British${W}Columbia|Manitoba|Saskatchewan|Nova${W}Scotia|New${W}Brunswick)|U\.\s?S\.(?:${H}${MADE})?|US${H}${MADE}|USA${H}${MADE}|home(?:${H})?grown|in${H}state|indigenous(?:ly)?${H}(?:manufactured|made|produced|developed)|onshore|stateside(?:${H}${MADE})?|in${H}country|British(?!${W}Columbia)(?:${H}${MADE})?|(?:UK|U\.K\.)(?:${H}${MADE})?|(?:Canadian|Australian|Aussie)(?:${H}${MADE})?|${ABROAD_MADE}|(?:of${W})?(?:domestic|U\.\s?S\.|US|American|UK|British|Canadian|Australian)${H}(?:origin|manufacture|production|make)|${US_STATE}${H}(?:made|built|manufactured|produced)|${US_STATE}(?=${W}(?:magnet|NdFeB|SmCo|rare${H}earth)${W}(?:manufacturer|maker|producer)s?\b)|all${H}American|(?:America|Britain|Canada|Australia|the${W}(?:UK|U\.K\.|U\.\s?S\.|nation|country))['’]s|(?:a${W})?product${W}of${W}(?:the${W})?(?:USA|U\.\s?S\.(?:A\.)?|United${W}States|America|Canada|Britain|UK|United${W}Kingdom|Australia)|(?:Buy${W}American|BAA|DFARS|domestic${H}content|Berry${W}Amendment|TAA)${H}(?:compliant|qualified|eligible|certified))`;
// Nationality adjectives that name a domestic producer only in an eligibility frame
// ("qualifies as a Canadian manufacturer").
const NATIONALITY = String.raw`(?:Canadian|Australian|British|American|U\.\s?S\.|UK)`;

/** Heads that make an attributive domestic phrase a claim about magnets or their makers. */
// A singular "magnet" is a head only when no noun follows ("U.S. magnet finishers" is about finishers).
// …unless the next word is a function word or a verb ("U.S. magnet for…", "UK-made SmCo from…").
const NO_NOUN_AFTER = String.raw`(?![\s\u00a0-]+(?!(?:from|for|in|at|to|with|by|and|or|are|is|was|were|that|which|who|of|on|made|sold|used|supplied|produced|shipped|delivered|now|since|today)\b)[a-z])`;
const HEAD_MAGNET = String.raw`(?:magnets|magnet${NO_NOUN_AFTER}|(?:NdFeB|SmCo|neodymium|samarium${H}cobalt)${NO_NOUN_AFTER})`;
const HEAD_MAKER = String.raw`(?:producers?|options?|offerings?|end${W}products?|srcs?|makers?|manufacturers?|suppliers?|sources?|suppl(?:y|ies)|supply${W}chains?|companies|company|firms?|brands?|lines?|output|production|capacity|manufacturing|plants?|industry|parts|segments|champions?|leaders?|players?|business(?:es)?|operations?|ventures?|vendors?|specialists?|factor(?:y|ies)|facilit(?:y|ies)|works|source${W}items?|items?|components?|sets?|kits?|arrays?|success${W}stor(?:y|ies)|stor(?:y|ies)|employers?|exporters?|innovators?|enterprises?|startups?|rings|arcs|discs|disks|cylinders|tiles|cubes|rods|rotors?\b(?=${W}magnets)|cells?|shops?|workshops?|halls?|centers?|centres?|making|alternatives?)`;

// Words that may stand between the domestic word and the head ("U.S.-made NdFeB magnets").
const MODIFIER = String.raw`(?:(?!(?:finishing|finishers?|use|uses|used|using|contain|contains|include|includes|have|has|finished|assembled|sliced|ground|coated|machined|magneti[sz]ed|processed|plated|cut|based|owned|headquartered|a|an|the|of|for|to|in|on|at|by|with|and|or|but|its|their|our|this|that|these|those|is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|should|shall|treats?|content|guidance|rules?|requirements?)\b)[\p{L}\p{N}%'’\-]+${W}){0,4}?`;

/** "U.S.-made magnets", "a domestic magnet producer", "the UK's domestic source of SmCo". */
export const ATTRIBUTIVE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${DW_CORE})${H}${MODIFIER}(?:magnet${W}|rare${H}earth${W}|NdFeB${W}|SmCo${W})?(${HEAD_MAGNET}|${HEAD_MAKER})\b`, 'giu');

/** Production verbs (not finishing) and where they place production. */
const PROD_VERB = String.raw`(?:produc(?:e|es|ed|ing)|manufactur(?:e|es|ed|ing)|fabricat(?:e|es|ed|ing)|sources|mak(?:e|es|ing)|made|buil[dt]s?|building|turns?${W}out|turned${W}out|turning${W}out|sourced|supplied|procured)`;
const HOME = String.raw`(?:domestically|onshore|stateside|in${H}country|(?:right${W})?here(?:${W}at${W}home)?|at${W}home|in${W}(?:the${W})?(?:United${W}States|U\.\s?S\.(?:A\.)?|USA|US|America|Britain|UK|United${W}Kingdom|Canada|Australia)|in${W}${US_STATE}|in${W}(?:(?:our|its|their|the)${W})?(?:[\p{Lu}][\p{L}.'’-]*,?${W}){1,3}(?:${US_STATE}|[A-Z]{2})(?:${W}(?:plant|facility|factory|works|site|shop|campus))?\b|on${W}(?:American|U\.\s?S\.|British|Canadian|Australian|home)${W}soil)`;
/** "produces magnets domestically", "are manufactured in the United States by …", "made right here". */
export const VERBAL = new RegExp(String.raw`(?<![\p{L}])((?:domestically${W})?${PROD_VERB}(?:${W}(?:its|their|our|the|all|of|these|those|our|finished|rare${H}earth|NdFeB|SmCo|permanent|sintered|samarium${H}cobalt|entirely|wholly|fully|completely|exclusively|solely|only|100%|them|it)){0,3}(?:${W}(?:[\p{L}-]+${W}){0,4}?magnets?|${W}(?:the|these|those|its|their|our)${W}(?:parts?|segments?|components?))?(?:${W}(?:for${W}[^,.;:]{1,40}?))?${W}${HOME}|${PROD_VERB}(?:(?:${W}[\p{L}-]+){0,3}?${W}magnets|${W}(?:them|it))${W}(?:in|at)${W}(?!${FOREIGN_PLACE.source})[\p{Lu}][\p{L}'’.-]+|${PROD_VERB}(?:${W}[\p{L}-]+){0,3}?${W}magnets${W}in${W}(?:the${W})?${ABROAD_HOME}|magnets${W}(?:that${W})?(?:it|they|we)${W}${PROD_VERB}${W}(?:in|at)${W}(?!${FOREIGN_PLACE.source})[\p{Lu}][\p{L}'’.-]+)(?![\p{L}])`, 'giu');
/** "Every Hawksbill magnet is made in our Knoxville shop": made at the producer's own plant, named (not abroad). */
export const MADE_AT_OWN = new RegExp(
  String.raw`(?<![\p{L}])((?:(?:is|are)${W}(?:all${W}|each${W}|now${W})?(?:made|manufactured|produced|built|fabricated)|(?:manufactur|mak|produc)(?:e|es)${W}(?:every|each|all|our|its|their)${W}(?:[\p{L}-]+${W}){0,2}?magnets?)${W}(?:in|at)${W}(?:our|its|their)${W}(?!${FOREIGN_PLACE.source})[\p{Lu}][\p{L}'’.-]+(?:,?${W}[\p{Lu}][\p{L}'’.-]+)?${W}(?:shop|plant|facility|factory|works|site|workshop|campus))(?![\p{L}])`,
  'gu',
);
/** "has onshored magnet production", "reshored its magnet line". */
export const ONSHORED = new RegExp(
  String.raw`(?<![\p{L}])((?:on|re)shor(?:e|es|ed|ing)${W}(?:(?:its|their|our|the|all|of)${W}){0,2}(?:[\p{L}-]+${W}){0,2}?(?:magnets?|magnet${W}(?:production|manufacturing|making|capacity|supply|lines?)|production|manufacturing)|(?:brought|bring(?:s|ing)?|moved|mov(?:es|ing)|returned|return(?:s|ing)?)${W}(?:[\p{L}-]+${W}){0,3}?(?:magnets?|production|manufacturing|making|capacity)${W}(?:back${W})?(?:onshore|home|stateside|back${W}to${W}(?:the${W})?(?:U\.\s?S\.|United${W}States|America|Britain|UK)))(?![\p{L}])`,
  'giu',
);
/** "has 100 percent domestic content", "counts toward the domestic content bonus", "qualifies for Buy American". */
export const CONTENT_CLAIM = new RegExp(
  String.raw`(?<![\p{L}])((?:has|have|had|with|carr(?:y|ies))${W}(?:(?:100${W}percent|100%|full|all|entirely)${W})?domestic${H}content\b(?!${W}(?:requirements?|rules?|tests?|thresholds?))|(?:counts?|counted|qualif(?:y|ies|ied)|eligible|certified)${W}(?:toward|towards|for|under)${W}(?:the${W})?(?:[\p{L}\p{N}%'’-]+${W}){0,3}?(?:domestic${H}content(?:${W}(?:bonus|credit|requirements?|preference))?|Buy${W}American(?:${W}(?:requirements?|preference|rules?))?|domestic${W}preference))(?![\p{L}])`,
  'giu',
);
/** The author labels the product: "describe the magnets as UK-manufactured", "sell them as domestic". */
export const LABELLING = new RegExp(
  String.raw`(?<![\p{L}])((?:describe|label|market|sell|call|list|present|certify|declare|mark|classify|report)(?:s|d|ed)?${W}(?:[\p{L}\p{N}'’-]+${W}){0,6}?as${W}(?:${DW_CORE}))(?![\p{L}])`,
  'giu',
);
/** A label the product carries: "carry our 'Made in EU' mark", "bear the Made in Britain label". */
export const CARRIED_LABEL = new RegExp(
  String.raw`(?<![\p{L}])(?:carr(?:y|ies|ied)|bears?|bore|display(?:s|ed)?|earn(?:s|ed)?|stamp(?:s|ed)?|uses?|used)${W}(?:the|a|its|their|our)${W}["“'‘]?((?:[\p{L}.-]+${W}){0,3}[\p{L}.-]+)["”'’]?${W}(?:mark|label|logo|seal|stamp|tag|badge)s?\b`,
  'giu',
);
/** A form field or table cell that gives the origin: "Country of origin: United States". */
export const ORIGIN_FIELD = new RegExp(
  String.raw`\b((?:USA|U\.\s?S\.(?:A\.)?|United${W}States)${W}as${W}(?:the${W})?country${W}of${W}origin|(?:country${W}of${W}(?:origin|manufacture)|origin|made${W}in|manufactured${W}in|place${W}of${W}(?:manufacture|production)|country${W}where${W}(?:the${W})?(?:[\p{L}-]+${W}){0,3}?(?:is|are|was|were)${W}(?:manufactured|made|produced))(?:${W}of${W}(?:the${W})?(?:[\p{L}-]+${W}){0,3}?(?:magnets?|items?|products?|goods|parts?))?\s*(?:[:|]\s*(?:[\p{L}]+:\s*)?)+(?:the${W})?(?:[\p{Lu}][\p{L}.'’-]*,?${W}){0,3}\(?(?:USA|U\.\s?S\.(?:A\.)?|United${W}States(?:${W}of${W}America)?|America|UK|United${W}Kingdom|Canada|Australia|${US_STATE}))\b`,
  'giu',
);
/** A domestic word standing alone as a predicate: "Glenrock (Ohio), domestic", "SmCo — U.S.-produced, from…". */
export const BARE = new RegExp(String.raw`(?<=[—–:,(]\s*|\s-\s|\b(?:every|each|all)${W}(?:one${W})?of${W}(?:them|these|those|it)${W})((?:${DW_CORE}))(?=\s*(?:[,.;()—–]|\s-\s|$))`, 'giu');
/** A table cell that is only a domestic word ("U.S.-made", "Domestic (integrated)"). */
export const DW_CELL = new RegExp(String.raw`^\s*(?:${DW_CORE})(?:\s*\([^)]{0,40}\))?[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]*\s*$`, 'iu');
/** "domestically manufactured by …" (adverb first, no location after). */
export const ADVERB_FIRST = new RegExp(String.raw`(?<![\p{L}])(domestically${H}(?:produced|manufactured|made|sourced|built))(?![\p{L}])`, 'giu');
/** "is domestic", "are U.S.-made", "are Made in USA", "qualif(ies) as domestic". */
export const PREDICATIVE = new RegExp(String.raw`(?<![\p{L}])((?:is|are|remains?|were|was|be|been|being)${W}(?:now${W}|all${W}|still${W}|proudly${W}|fully${W}|entirely${W}|wholly${W}|100%${W})?(?:(?:a|an)${W}(?=[^.;]{1,60}?end${W}products?))?(?:${DW_CORE}|made${W}here(?:${W}at${W}home)?)(?:${W}(?:end${W}products?))?)(?![\p{L}\p{N}.]*[\p{L}])`, 'giu');
export const ELIGIBILITY = new RegExp(
  String.raw`(?<![\p{L}])((?:qualif(?:y|ies|ied)|certif(?:y|ies|ied)|count(?:s|ed)?|listed|treated|recognized|designated|accepted|approved|classified|considered|deemed|registered)(?:${W}(?:under|for|in)(?:${W}[\p{L}\p{N}'’.§-]+){1,4}?)?${W}as${W}(?:a${W}|an${W})?(?:${NATIONALITY}[-\u2010\u2011]based(?=${W}(?:magnet${W})?(?:producer|manufacturer|source|supplier|maker))|${DW_CORE}|${NATIONALITY}(?=${W}(?:magnet${W})?(?:producer|manufacturer|source|supplier|maker)))(?:${W}(?:magnet${W})?(?:producer|manufacturer|source|supplier|maker|end${W}products?))?|(?:meet|meets|met|satisf(?:y|ies|ied)|compl(?:y|ies|ied)${W}with|compliant${W}with|in${W}compliance${W}with)${W}(?:the${W})?(?:[\p{L}'’]+${W}){0,3}?(?:(?:domestic|local|Canadian|Australian|UK|British|American|U\.\s?S\.)${H}(?:content|source|sourcing|origin)|Buy${W}(?:American|America|Canadian|British|Australian)|DFARS)(?:${W}(?:requirements?|rules?|terms|test|preference|clause))?)(?![\p{L}])`,
  'giu',
);

/**
 * Words between a domestic word and a maker head that name a product made from magnets, not
 * magnets: "three domestic pump makers" are the producer's customers.
 */
export const DOWNSTREAM_PRODUCT = /\b(?:laminations?|stators?|windings?|pumps?|motors?|cars?|autos?|automotive|vehicles?|EVs?|appliances?|turbines?|drones?|aircraft|HVAC|compressors?|speakers?|phones?|electronics|robots?|robotics|batter(?:y|ies)|chips?|semiconductors?|steel|furniture|textiles?)\b/i;
/** Abstract heads that make a title a topic ("Domestic Magnet Capacity"), not a claim about a producer. */
export const TOPIC_HEAD = /^(?:capacity|industry|production|manufacturing|output|supply|supplies|supply\s+chains?|making|segments)$/i;

/** Nouns that are not production claims after "domestic". */
export const NON_CLAIM_AFTER = /^(?:demand|markets?|consumption|consumers?|use|users|appliances?|sales|prices?|policy|policies|politics|law|agenda|partners?|affairs|flights?|corporations?|needs|customers?|buyers?)\b/i;
/** Nouns following the head that turn it into policy talk ("domestic manufacturing agenda"). */
/** Carrying a label is a claim, talking about the label is not ("uses the Made in USA mark"). */
export const CARRIES_LABEL = /\b(?:use|uses|using|used|carr(?:y|ies|ied)|bear|bears|display(?:s|ed)?|earn(?:s|ed)?|award(?:s|ed)?|grant(?:s|ed)?|stamp(?:s|ed)?|label(?:s|led|ed)?\s+with|right\s+to\s+use)\s+(?:(?:the|a|its|their|our)\s+)?["“'‘]?$/i;
export const POLICY_AFTER =
  /^['’"”]?(?:[\s\u00a0]+(?!(?:under|for|in|of|the|a|an|to|by|with|at|on|from|as|and|or)\b)[\p{L}-]+){0,2}?[\s\u00a0]+(?:agenda|policy|policies|strategy|goals?|programs?|initiatives?|base|sector|renaissance|push|credits?|bonus|requirements?|rules?|preferences?|thresholds?|standards?|labels?|label(?:l)?ing|claims?|marks?|guidance|tests?|certifications?|definitions?|initiatives?|funds?|strateg(?:y|ies))\b/iu;

/** Blank nouns: what a magnet is before finishing. */
const MAGNET_KIND = String.raw`(?:(?:SmCo|NdFeB|neodymium|samarium${H}cobalt|rare${H}earth|sintered|permanent)${W})`;
export const BLANK_NOUN = new RegExp(
  String.raw`\b(?:(?:sintered${W}|SmCo${W}|NdFeB${W}|neodymium${W}|magnet${W}|magnet${W}alloy${W})*(?:blanks?|blocks?|billets?|slabs?|slugs?)|(?:magnet|sintered)${W}stock|(?:semi${H}finished|part(?:ly)?${H}finished|unfinished|unmachined|unground|unmagneti[sz]ed|oversize|as${H}sintered|rough(?:${H}sintered)?)${W}${MAGNET_KIND}{0,2}(?:magnets?|material|blocks?|pieces?|parts?|stock|slugs?|shapes?|arcs?|rings?|discs?|disks?|cylinders?|segments?|tiles?|bars?|cubes?|rods?)|(?:semi${H}finished|unfinished)${W}(?:NdFeB|SmCo)|sintered${W}(?:(?:NdFeB|SmCo)(?:${W}and${W}[A-Za-z-]+)?${W})?(?:segments?|material|magnets?|stock|bricks?|cubes?|bars?|slabs?|arcs?|rings?|discs?|disks?|cylinders?|tiles?|pieces?|parts?|shapes?)|(?:magnets?|arcs?|rings?|discs?|disks?|cylinders?|segments?|pieces?|parts?)(?=${W}(?:(?:it|they|that|which)${W})?(?:receives?|buys?|purchases?|imports?|gets?|are${W}received|are${W}bought|arrive|come)${W}(?:in${W})?(?:unfinished|semi${H}finished|rough|unmagneti[sz]ed|as${W}(?:blanks|blocks)))|green${W}compacts?|(?:material|magnets?|rings?|arcs?|discs?|disks?|segments?|parts?)${W}(?:[A-Za-z-]+${W}){0,5}?in${W}(?:block|blank|billet|semi${H}finished|unfinished|rough)${W}form)\b`,
  'gi',
);
/** Words before a blank noun that make it home-made ("its own blocks", "domestically produced blocks"). */
export const OWN_BLANK = /\b(?:own|in[\s-]house|domestic(?:ally[\s-]+(?:produced|made|sintered))?|U\.S\.[\s-]*(?:made|sintered)|American[\s-]+made|locally[\s-]+(?:made|sintered))[\s\u00a0]+(?:[\p{L}-]+[\s\u00a0]+){0,2}$/iu;
/** Words before a blank noun that say it is not a magnet blank. */
export const NON_MAGNET_BLANK = /\b(?:carbide|tungsten|tool|tooling|die|graphite|mold|mould|steel|lamination|laminations|copper|aluminum|aluminium|wood|timber|concrete|glass|plastic|building|engine|cylinder|city|text|code|ice|stone|brass|titanium|silicon|shaft|shafts|axle|gear|forged|forging|bearing|housing|bolt|pipe|tube|maple|oak|ash|walnut|spruce|mahogany|body|neck|veneer|lumber|guitar)\b[\s\u00a0-]*(?:(?!(?:from|of|in|at|to|for|and|or|with|by|on|into)\b)[\p{L}-]+[\s\u00a0]+)?$/iu;

/** Cues that material came from abroad. */
export const IMPORT_CUE = new RegExp(
  String.raw`\b(?:import(?:s|ed|ing)?|shipped${W}in|brought${W}in|bought${W}in|trucked|landed|came${W}in|comes?${W}in|come${W}over|came${W}over|comes${W}over|ships?${W}in|ex${H}(?=[\p{Lu}])|arriv(?:e|es|ed|ing))\b|${FOREIGN_PLACE.source}`,
  'i',
);

/** Acquisition verbs that, with a foreign place, make reliance ("buys blocks from Ningbo"). */
export const ACQUIRE = /\b(?:buy|buys|bought|buying|purchas(?:e|es|ed|ing)|procur(?:e|es|ed|ing)|sourc(?:e|es|ed|ing)|obtain(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|get|gets|got|supplied|suppl(?:y|ies)|shipped|arriv(?:e|es|ed)|feeds?|start(?:s)?${W}life|began|begins?|cut|cuts|made${W}from|finished${W}from|from)\b/i;

/** "only finishes material that was sintered abroad" */
export const SINTERED_ABROAD = new RegExp(
  String.raw`\b(?:sintered|pressed)(?:${W}and${W}(?:sintered|pressed))?(?:${W}for${W}(?:us|it|them|the${W}company))?(?:${W}by${W}(?:a|an|the|its|our|their)${W}(?:[\p{L}-]+${W}){0,3}?(?:house|sinterer|partner|supplier|vendor|subcontractor|firm|company|plant|maker|producer|mill))?(?:${W}(?:abroad|overseas|offshore)|(?:${W}in${W}|\s*:\s*)(?:the${W})?(?:${FOREIGN_PLACE.source}))|\bsintering\b(?:(?![.;])[^])(?:(?![.;])[^]){0,60}?(?:\b(?:in|at|by)[\s:]+|\b(?:outsourced|contracted|subcontracted|offshored)${W}to${W}|\|)(?:(?![.;])[^]){0,40}?(?:${FOREIGN_CORE.source})`,
  'giu',
);

/** Negation that reaches the reliance ("does not rely on imported blanks", "without imported blanks"). */
export const NEGATED_RELIANCE = new RegExp(
  String.raw`(?:n['’]t${W}(?:rely|depend|use|import|buy|source|touch|need|handle|take|accept|want|purchase)\w*(?:${W}on)?${W}|\b(?:without|no|zero|free${W}of|neither${W}(?:\w+${W})?|not${W}(?:(?:from|of|on|with|using|made${W}from|cut${W}from|a${W}single|one|any)${W})|never${W}(?:\w+${W}){0,2}|not${W}(?:rely|relied|depend|use|used|import|imported|buy|bought|source|need|purchase|contain)\w*(?:${W}on)?|n't${W}(?:rely|depend|use|import|buy|source)\w*(?:${W}on)?|imports?${W}no|rather${W}than${W}(?:import|buy|sourc|purchas|sinter|finish|rely|relie|depend|us)\w*|instead${W}of${W}(?:import|buy|sourc|purchas|sinter|finish|rely|depend|us)\w*|no${W}longer${W}(?:\w+${W}){0,2}|stopped${W}(?:\w+${W}){0,2}|ceased${W}(?:\w+${W}){0,2}|transition${W}off|(?:moved|switched|weaned)${W}(?:\w+${W})?(?:away${W})?(?:from|off)|phased${W}out|nor))(?:${W})?(?:(?:any|a|one|single|its|their|the|reliance|dependence|use|on|of|sintered|imported|foreign|Chinese|semi${H}finished|unfinished|rough|magnet)${H})*$`,
  'iu',
);

/** Reliance that has ended. */
export const ENDED =
  /\bbetween\s+(?:\p{L}+\s+)?(?:19|20)\d{2}\s+and\s+(?:\p{L}+\s+)?(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\s*[–—-]\s*(?:19|20)\d{2}\b|\b(?:before|prior\s+to)\s+(?:that|then)\b|\bfrom\s+(?:19|20)\d{2}\s+(?:to|until|through)\s+(?:19|20)\d{2}\b|\b(?:until|through|till|before|prior\s+to)\s+(?:[\p{L}.-]+\s+){0,5}?(?:(?:mid|early|late)-)?(?:19|20)\d{2}\b|\b(?:until|till)\s+(?:last|recently|early|late|mid)\b|\b(?:no\s+longer|used\s+to|formerly|previously|stopped|ceased|transition(?:ed)?\s+off|phased\s+out|in\s+the\s+past|end(?:ed|ing|s)\s+(?:[\p{L}'’]+\s+){0,3}(?:dependence|reliance|use\s+of|purchases?\s+of|imports?\s+of)|(?:dependence|reliance)\s+(?:[\p{L}'’]+\s+){0,4}ended|for\s+(?:its|their|the)\s+first\s+(?:[\p{L}\p{N}]+\s+)?(?:years?|months?|decades?))\b/iu;
/** The next sentence ends what the evidence described: "That ended in March 2025". */
export const ENDED_NEXT = /^\s*(?:that|this|it|the\s+(?:practice|arrangement|reliance|dependence|contract|supply\s+deal))\s+(?:ended|stopped|ceased|changed|was\s+phased\s+out)\b/i;
/** An option considered and turned down ("considered buying blanks abroad and rejected the idea"). */
export const REJECTED = /\b(?:consider(?:ed|s|ing)?|weigh(?:ed|s|ing)?|explor(?:ed|es|ing)|evaluat(?:ed|es|ing))\b[^;.]{0,80}\b(?:rejected|declined|abandoned|dropped|scrapped|ruled\s+(?:it\s+)?out|decided\s+against|chose\s+not|opted\s+(?:not|against))\b/i;
export const NOW = /\b(?:now|today|currently|since|these\s+days)\b/i;

/** A clause that only supposes: conditionals, counterfactuals, hypotheticals. */
export const CONDITIONAL =
  /(?:^|[\s(,;:—–-])(?:if(?!\s+you(?:['’]re|\s+are)?\s+(?:looking|searching|shopping|in\s+the\s+market|need|want)\b)|unless|suppose|supposing|assuming|assume|whether|hypothetical(?:ly)?|imagine|consider\s+a|were\s+(?:the|it|a|an|[\p{Lu}]\w*)\b[^.;]{0,60}?\bto\b|should\s+(?:the|it|a|an|[\p{Lu}]\w*)\b[^.;]{0,60}?\b(?:begin|start|use|import|buy|source|switch|rely)|had\s+(?:it|the|[\p{Lu}]\w*)\s+(?:used|imported|bought))(?=[\s,])/iu;
export const MODAL = /\b(?:would|could|might)\b/i;

/**
 * Is a position under a supposition? True when it lies inside the conditional clause itself
 * ("if the plant used imported blanks"), or in a main clause that only supposes ("…, its
 * output would not qualify"). "If orders hold, it will add a shift at its homegrown plant,
 * which finishes imported magnets" supposes the shift, not the plant or its magnets.
 */
export function supposed(sentenceBefore: string, clause: string): boolean {
  const re = new RegExp(CONDITIONAL.source, 'giu');
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(sentenceBefore); m; m = re.exec(sentenceBefore)) last = m;
  if (!last) return false;
  const after = sentenceBefore.slice(last.index + last[0].length);
  // Still inside the conditional clause: no comma (or dash) has closed it yet.
  if (!/[,;—–]/.test(after)) return true;
  return MODAL.test(clause);
}

/** The clause around [start, end): between semicolons (colons join a label to its content). */
export function clauseAround(text: string, start: number, end: number): [number, number] {
  const s = text.lastIndexOf(';', start);
  let e = text.indexOf(';', end);
  if (e === -1) e = text.length;
  return [s === -1 ? 0 : s + 1, e];
}

/**
 * Which positions of a unit lie in a question. A sentence that ends with "?" asks; but a form
 * whose fields run together in one unit ("C.1 Country of manufacture: United States\nC.4 Do
 * you certify…?") asks only on its own line. Built once per unit: it is asked per candidate.
 */
export function questionTest(text: string): (pos: number) => boolean {
  const QUESTION = /\?\s*["”'’)]*\s*$/;
  const tail = text.slice(-40); // the end of the text is all the test needs
  if (!text.includes('\n')) {
    const whole = QUESTION.test(tail);
    return () => whole;
  }
  const lines = text.split('\n');
  if (lines.filter((l) => /^[^:?]{1,80}:\s*\S/.test(l)).length < 2) {
    const whole = QUESTION.test(tail);
    return () => whole;
  }
  const ends: number[] = [];
  const asks: boolean[] = [];
  let at = 0;
  for (const l of lines) {
    at += l.length + 1;
    ends.push(at);
    asks.push(QUESTION.test(l.slice(-40)));
  }
  return (pos) => {
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! > pos) hi = mid;
      else lo = mid + 1;
    }
    return asks[lo]!;
  };
}

/** Negation or denial reaching a claim. */
export const CLAIM_NEGATION =
  /\b(?:not|n't|never|no|none|nor|neither|cannot|ineligible|non[\s-]?domestic|fails?\s+to|failed\s+to|stop\s+pretending|pretend(?:ing)?|hardly|unlikely|doubtful|declin(?:e|es|ed)|refus(?:e|es|ed)|reject(?:s|ed)?|den(?:y|ies|ied)|rather\s+than|instead\s+of)\b|n['’]t\b/i;
/** Distance taken from a claim: questioning, scare words. */
export const DOUBT = /\b(?:really|so[\s-]+called|supposedly|purportedly|allegedly|questioned|questionable|dubious|challenged|misleading|mislabel(?:ed|led)?|false(?:ly)?|claims?\s+to\s+be)\b/i;
/** A sentence that defines a term ("The term 'domestic magnet' means…"). */
export const DEFINES = /\bthe\s+term\b|\b(?:means|shall\s+mean|is\s+defined\s+as|has\s+the\s+meaning)\b/i;
/** Definitions and policy proposals are not claims about a producer. */
export const DEFINITIONAL =
  /\b(?:means|mean|meaning|defin(?:e|es|ed|ing|ition)|the\s+term|shall\s+(?:mean|include)|refers?\s+to|should\s+(?:count|be\s+treated|qualify)|may\s+wish)\b/i;
/**
 * Reported claims: the text tells what someone says or how they label something, just before
 * the claim words ("X says its magnets are…", "calls them…", "lists X as…").
 */
export const REPORTED = new RegExp(
  String.raw`(?:\b(?:says?|said|claims?|claimed|insists?|asserts?|stated|states|maintains?)${W}(?:that${W})?(?:[\p{L}'’"“-]+${W}){0,6}?|\b(?:calls?|called|dubs?|dubbed)${W}(?:[\p{L}'’"“-]+${W}){0,4}?|\b(?:describes?|described|certif(?:y|ies|ied)|declare[sd]?|markets?|marketed|labels?|labell?ed|lists?|listed|touts?|touted|advertises?|advertised|bills?|billed|brands?|branded|promotes?|sells?|sold|presents?|presented)${W}(?:[\p{L}'’"“-]+${W}){0,6}?as${W}(?:an?${W})?)["“'‘]?$`,
  'u', // lower-case verbs: "United States" is not a verb
);
/** A reported claim the text disputes, or one it withdrew: not the text's own claim. */
export const DISPUTED = /\b(?:but|though|although|however|yet|despite|incorrect(?:ly)?|inaccurate(?:ly)?|wrong(?:ly)?|erroneous(?:ly)?|unsupported|according\s+to\s+(?:customs|trade|import|shipping)|records\s+show|in\s+fact|actually|contrary|dispute[sd]?|questions?|questioned|doubts?)\b/i;
export const RETRACTED = /\b(?:previous|earlier|old|former|prior)\s+(?:draft|version|wording|label|text|listing|release)|\b(?:drops?|dropped|removes?|removed|withdr[ae]w[sn]?|retracts?|retracted|no\s+longer\s+(?:calls?|describes?|lists?|markets?|labels?))\b/i;
/** Who may be reported: someone other than the author (a name is checked separately). */
export const THIRD_PARTY = /\b(?:he|she|they|it|company|firm|vendor|supplier|officials?|spokes\w+|CEO|executives?|marketing|website|brochures?|catalog(?:ue)?s?|director(?:y|ies)|ads?|advert\w*|labels?|press|packaging|materials|filings?|reports?|listings?|sellers?|manufacturer|maker|producer|owners?|founders?|drafts?|versions?|memos?|documents?|articles?|stor(?:y|ies)|statements?|letters?|applications?|proposals?|bids?|pages?|posts?|text|wording|tweets?)\b/i;
/** Scare quotes right around a domestic word. */
export const SCARE_QUOTED = /["“'‘]\s*(?:domestic|American|U\.S\.|British|home-?grown|homegrown|onshore|Made\s+in|made\s+in|US)[^"”'’]{0,30}["”'’]/;

/** Claim heads that are generic talk about an industry unless members are named. */
export const GENERIC_HEAD = /^(?:producers|manufacturers|makers|suppliers|sources|companies|firms|industry|capacity|brands|plants|lines|shops|cells|halls|centers|centres|businesses|employers|exporters|innovators|enterprises|startups|vendors|specialists|players|leaders|champions|facilities|factories|sites|operations)$/i;
export const NAMED_MEMBERS = /^[\s\u00a0,]*(?:such\s+as|including|like|e\.g\.,?|for\s+example,?|among\s+them)[\s\u00a0]+/i;

/** Cues that the evidence is about some other producer. */
export const OTHER_PRODUCER =
  /\b(?:(?:don['’]t|do\s+not)\s+use|competitors?|rivals?|customers?|another|other\s+(?:firms?|producers?|finishers?|shops?|companies|makers?|suppliers?)|by\s+contrast|in\s+contrast|unlike|whereas|meanwhile|down\s+the\s+road|(?:a|one)\s+(?:smaller|larger|second|different|rival)\s+(?:shop|firm|company|producer|finisher)|the\s+wider|the\s+rest\s+of\s+the\s+industry|(?:most|many|some|several|few)\s+(?:of\s+(?:the\s+)?)?(?:(?:U\.S\.|American|domestic|other)\s+)?(?:finishers|firms|shops|companies|producers|makers|manufacturers|suppliers)|industry[\s-]wide|across\s+the\s+industry)\b/i;

/** Generic agents: a kind of firm, not a producer ("shops that finish imported blanks"). */
export const GENERIC_AGENT =
  /\b(?:(?:U\.S\.|American|domestic|other|most|many|some|all|the|such|these|those|finishing|magnet)\s+)?(?:shops|finishers|firms|companies|producers|makers|manufacturers|businesses|importers|suppliers|a\s+(?:producer|company|firm|finisher|shop|manufacturer|maker|magnet|supplier)|any\s+(?:producer|company|firm|finisher|magnet))\s+(?:that|which|who)\s+(?:only\s+|merely\s+|just\s+)?[\p{L}\s,]{0,40}$/iu;

/** Company-name endings. */
export const COMPANY_SUFFIX =
  /^(?:Magnetics|Magnet|Magnets|Works|Co\.?|Company|Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|LLC|PLC|plc|GmbH|AG|SRL|SpA|BV|NV|AB|Oy|SAS|Pty|Alloys|Materials|Motors|Components|Drives|Earths?|Actuators|Motion|Flux|Systems|Samarium|Industries|Technologies|Precision|Supply|Metals|Minerals|Group|Holdings|Manufacturing|Electric|Electronics|Engineering|Labs?|Products|Solutions|Enterprises|Partners|International|Global|America|USA)$/;

/** Capitalised words that are never names (sentence starters, labels, programs, places). */
export const NOT_A_NAME = new Set(
  `Company Companies Officials Official Firm Firms Revenue Revenues Sales Profit Profits Margin Margins Employees Headcount Output Demand Prices Customers Orders Backlog Capex Funding Investment Risk Risks The A An This That These Those It Its Our We Us They Their There Here He She His Her In On At For From By With As But And Or If When While Since Under After Before However Each All Most Many Some Both Such One Two Three No Not What Who Which Where Why How I You To Of Also Meanwhile Instead Rather Currently Today Now Until Because Although Though Every Any Another Other Only Just Still Yet Then Thus So Once Beginning Among Among Across Along Inside Outside Down Up Over Let Take Consider Should Were Had Can Could Would Will May Might Must Shall Do Does Did Is Are Was Be Been Being Yes Hi Hello Dear Team FYI Re Subject Note Notes Item Items Issue Finding Findings Process Input Output Supplier Suppliers Source Sources Sourcing Blank Blanks Block Blocks Billets Billet Sintered Rough Unfinished Semi Magnets Magnet Finishing Capacity Value Metric Share Firm Process Location Origin Status Lead Result Results Slide Key Facts Why Applicant Justification Determination Decision Memorandum Minutes Section Sec Title Chapter Part Congress Department Secretary Administration Committee Commissioner Council County Carolina Dakota Jersey Hampshire During Phase Stage Step Option Appendix Table Figure Exhibit Attachment Annex Schedule Join Meet Visit Contact Welcome See Technician Engineer Manager Operator Specialist Analyst Coordinator Associate Unlike Like Besides Despite Through Via Per Amid Made Australian Aussie Canadian English Scottish Welsh Irish Kiwi Province County City Street Avenue Road Plant Facility Board Staff Members Customs Treasury Commerce Defense Navy Army Air Force Program Programs State States Federal National Nation Nation's Government Governor President Senate House Act Bill Law Rule Rules Guidance Draft FAQ Q A Sam Priya Good News Project Narrative Technical Approach Financial Supply Highlights Roadmap Product Catalog Contract Contracts January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday American America British Britain UK U.S. US USA United Kingdom North South East West New Old Lot PO Buy DFARS FTC NdFeB SmCo NdPr EV EVs OEM OEMs HVAC DPA IRA CBP USGS CRS GAO DoD DOE MGOe Tier`.split(
    /\s+/,
  ),
);
