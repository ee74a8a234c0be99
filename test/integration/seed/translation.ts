/**
 * A check that can catch a claim translated from its source sentence, where comparing French with English
 * word for word never could: the claim's content words are aligned, in order, with the sentence's through a
 * small French–English glossary of the documents' vocabulary. A claim whose content words nearly all align
 * one-to-one, in the sentence's order, follows the sentence's structure: it is a translation, not our own
 * statement of the fact.
 */

/** French words of the documents and the English words a translation would use for them (folded, lower-case). */
export const glossary: Record<string, string[]> = {
  accord: ['agreement', 'deal'],
  accords: ['agreements', 'deals'],
  acces: ['access'],
  acceder: ['access'],
  exclusif: ['exclusive'],
  exclusifs: ['exclusive'],
  exclusive: ['exclusive'],
  exclusivite: ['exclusivity'],
  droits: ['rights'],
  droit: ['right'],
  investi: ['invested'],
  investissant: ['investing', 'invested'],
  investissement: ['investment'],
  investissements: ['investments'],
  engage: ['committed', 'put', 'invested'],
  milliards: ['billion'],
  milliard: ['billion'],
  millions: ['million'],
  dollars: ['dollars'],
  plus: ['more'],
  environ: ['about', 'around', 'roughly'],
  pres: ['nearly', 'almost'],
  jusqu: ['up', 'until'],
  part: ['share', 'part', 'portion'],
  partage: ['share', 'sharing'],
  partagerait: ['shares', 'share'],
  revenus: ['revenue', 'revenues', 'income'],
  reverser: ['hand', 'hands', 'pay', 'pass', 'give'],
  reverse: ['hands', 'pays', 'passes', 'gives'],
  reduction: ['cut', 'reduction', 'lower', 'decrease'],
  envisage: ['weighing', 'considering', 'weighs', 'considers', 'plans', 'contemplating'],
  envisager: ['weigh', 'consider'],
  soutenu: ['stood', 'supported', 'backed', 'sided'],
  soutien: ['support', 'backing'],
  proposant: ['offered', 'offering', 'proposed', 'proposing'],
  propose: ['offers', 'offered', 'proposes'],
  embaucher: ['hire', 'hiring', 'employ'],
  equipe: ['team'],
  recherche: ['research'],
  recherches: ['research'],
  ia: ['ai'],
  intelligence: ['intelligence'],
  artificielle: ['artificial'],
  generale: ['general'],
  employes: ['employees', 'staff', 'workers'],
  menacer: ['threaten', 'threatened', 'threatening'],
  rejoindre: ['join', 'follow', 'move'],
  reintegre: ['reinstated', 'restored', 'back'],
  retabli: ['reinstated', 'restored', 'back'],
  jours: ['days'],
  cinq: ['five'],
  conseil: ['board', 'council'],
  administration: ['board'],
  nouveau: ['new'],
  nouvel: ['new'],
  nouvelle: ['new'],
  siege: ['seat'],
  observateur: ['observer'],
  vote: ['vote', 'voting'],
  renonce: ['gave', 'gives', 'relinquished', 'renounced'],
  pression: ['pressure'],
  autorites: ['authorities', 'regulators'],
  enquete: ['inquiry', 'investigation', 'probe'],
  enquetes: ['inquiries', 'investigations', 'probes'],
  approfondie: ['deeper', 'in-depth', 'thorough'],
  eviter: ['avoid', 'heading', 'prevent'],
  controle: ['control'],
  deguise: ['disguised', 'hidden'],
  licenciement: ['firing', 'dismissal', 'removal', 'ouster'],
  temporaire: ['temporary'],
  fournisseur: ['provider', 'supplier'],
  fournisseurs: ['providers', 'suppliers'],
  cloud: ['cloud'],
  tournent: ['run', 'hosted'],
  toutes: ['all', 'every'],
  produits: ['products'],
  integre: ['integrates', 'builds', 'built'],
  integrer: ['integrate', 'build'],
  integrant: ['integrating', 'building'],
  technologies: ['technology', 'technologies'],
  technologie: ['technology'],
  modeles: ['models'],
  modele: ['model'],
  propres: ['own'],
  concurrent: ['competitor', 'rival', 'competing'],
  concurrente: ['competitor', 'rival'],
  concurrents: ['competitors', 'rivals'],
  concurrence: ['competition', 'compete', 'competes', 'competing'],
  qualifie: ['called', 'named', 'described'],
  premiere: ['first'],
  fois: ['time'],
  depot: ['filing'],
  annuels: ['annual'],
  comptes: ['accounts', 'report'],
  partenaires: ['partners'],
  partenaire: ['partner'],
  partenariat: ['partnership'],
  principal: ['main', 'biggest', 'principal', 'largest'],
  investisseur: ['investor'],
  souhaite: ['wants', 'wishes', 'hopes'],
  espere: ['hopes', 'hoping'],
  obtenir: ['get', 'obtain', 'secure'],
  participation: ['stake', 'holding', 'equity'],
  capital: ['capital', 'equity'],
  conserve: ['keeps', 'retains'],
  conserver: ['keep', 'retain'],
  detiendra: ['hold', 'holds', 'will'],
  detient: ['holds', 'owns'],
  parts: ['shares', 'stake'],
  estimees: ['estimated'],
  president: ['president', 'chair'],
  prevoit: ['provides', 'foresees', 'leaves'],
  entite: ['entity', 'company'],
  commerciale: ['commercial'],
  future: ['future', 'new'],
  lucratif: ['profit', 'for-profit'],
  structure: ['structure'],
  transformation: ['transformation', 'conversion', 'change'],
  contrat: ['contract'],
  actuel: ['current'],
  fin: ['end', 'ends', 'expires'],
  prend: ['takes', 'comes'],
  atteint: ['reaches', 'reached'],
  atteindre: ['reach'],
  notion: ['notion', 'term', 'concept'],
  floue: ['vague', 'unclear'],
  consensus: ['consensus', 'agreement'],
  negociations: ['negotiations', 'talks'],
  durent: ['last', 'lasted'],
  mois: ['months', 'month'],
  desaccords: ['disagreements', 'disagree'],
  poursuit: ['sues', 'suing', 'pursues'],
  contester: ['contest', 'challenge'],
  clauses: ['clauses', 'terms'],
  deploiement: ['deployment'],
  securise: ['safe', 'secure'],
  surveillance: ['oversight', 'monitoring', 'surveillance'],
  partagee: ['shared'],
  usages: ['uses'],
  sensibles: ['sensitive'],
  valorisee: ['valued'],
  valorisation: ['valuation'],
  levee: ['round', 'raise'],
  fonds: ['funds', 'funding'],
  financement: ['funding', 'financing'],
  financements: ['funding', 'financing'],
  utilisateurs: ['users'],
  centaines: ['hundreds'],
  titre: ['shares', 'stock'],
  progressait: ['rose', 'rising', 'gained'],
  annonce: ['announced', 'announcement'],
  annonces: ['announced'],
  preliminaire: ['preliminary'],
  communique: ['statement', 'release'],
  conjoint: ['joint'],
  premieres: ['first', 'earliest'],
  firmes: ['firms', 'companies', 'supporters'],
  calcul: ['computing', 'compute'],
  capacites: ['capacity', 'capacities'],
  mis: ['provided', 'made'],
  disposition: ['available'],
  echange: ['exchange', 'return'],
  privilegie: ['privileged', 'preferred'],
  couts: ['costs'],
  inference: ['inference'],
  depenses: ['spending', 'costs', 'expenses'],
  atteignent: ['reach'],
  projet: ['project'],
  puces: ['chips'],
  produire: ['produce', 'make', 'build'],
  plainte: ['complaint'],
  porter: ['file', 'bring'],
  pratiques: ['practices', 'conduct'],
  anticoncurrentielles: ['anticompetitive'],
  demandes: ['requests', 'demands'],
  propriete: ['property'],
  intellectuelle: ['intellectual'],
  acquerir: ['acquire', 'buy'],
  pousse: ['pushed', 'pressed', 'urged'],
  examiner: ['examine', 'review', 'look'],
  dependance: ['dependence', 'reliance'],
  reduit: ['reduces', 'lowers', 'cuts'],
  reduire: ['reduce', 'lower'],
  signant: ['signing', 'signed'],
  teste: ['tests', 'tested', 'tries', 'tried'],
  alternatives: ['alternatives'],
  commercialise: ['sells', 'markets', 'sold'],
  directement: ['directly', 'direct'],
  entrant: ['entering', 'competing'],
  enregistree: ['registered'],
  procureurs: ['attorneys', 'prosecutors'],
  generaux: ['general'],
  approuvee: ['approved'],
  feu: ['approval', 'green'],
  vert: ['light', 'approval'],
  benefices: ['profits'],
  profits: ['profits'],
  plafonnes: ['capped'],
  plafonnee: ['capped'],
  risques: ['risks'],
  lois: ['laws'],
  decrets: ['orders', 'decrees'],
  americains: ['us', 'american'],
  europeen: ['eu', 'european'],
  medias: ['media', 'outlets'],
  tensions: ['tensions', 'strains', 'friction'],
  securite: ['safety', 'security'],
  responsabilite: ['responsibility', 'responsible'],
  outils: ['tools'],
  meilleurs: ['best'],
  tous: ['all', 'everyone'],
  annee: ['year'],
  ans: ['years'],
};

const frenchStopwords = new Set(
  `le la les l d de des du un une et a au aux en dans par pour sur avec que qui ce cet cette ces se s son sa ses leur leurs est sont ete etre ne pas il elle ils elles on y n qu c j m t ou mais donc comme dont lui meme aussi tres si tout toute`.split(
    ' ',
  ),
);
const englishStopwords = new Set(
  `the a an of to in on for and or is are was were be been being it its by with as at from that this these those which who whom has have had not no but into than then so per their they them he him his she her also both any each its our we you your i me my do does did can could would should will may might must there here what when where while after before over under about up out off again once only own same such too very just s`.split(
    ' ',
  ),
);

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const wordsOf = (text: string) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/** The content words of an English claim. */
export function claimWords(claim: string): string[] {
  return wordsOf(claim).filter((word) => !englishStopwords.has(word));
}

/** The sentences of a document, each as its content words. */
export function sentencesOf(document: string): string[][] {
  return document
    .split(/[.!?;:\n]+/)
    .map((sentence) => wordsOf(sentence.replace(/[’']/g, ' ')).filter((word) => !frenchStopwords.has(word)))
    .filter((words) => words.length > 0);
}

/** Whether an English word translates a French one through the glossary. */
function glossed(english: string, french: string): boolean {
  const glosses = glossary[french];
  return glosses !== undefined && glosses.includes(english);
}

/**
 * How many claim words align, one-to-one and in order, with words of the sentence (a longest common
 * subsequence): through the glossary, or as the same word (a name, a figure) unless `glossaryOnly`.
 */
export function alignedInOrder(claim: string[], sentence: string[], glossaryOnly = false): number {
  const matches = (english: string, french: string) =>
    glossed(english, french) || (!glossaryOnly && english === french);
  const row = new Array<number>(sentence.length + 1).fill(0);
  for (const word of claim) {
    let diagonal = 0;
    for (let j = 1; j <= sentence.length; j++) {
      const above = row[j]!;
      row[j] = matches(word, sentence[j - 1]!) ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[sentence.length]!;
}

/**
 * A translation: at least `words` content words, and `share` of them, align in order with one sentence, and
 * at least `translated` of those are translated words, not names or figures that any statement of the fact
 * repeats in the same order ("Microsoft owns 49 % of OpenAI Global").
 */
export const translationThreshold = { words: 5, share: 0.6, translated: 3 };

/** The sentence a claim translates, if any: its content words align in order with that sentence's. */
export function translatedFrom(claim: string, sentences: string[][]): { aligned: number; of: number } | undefined {
  const words = claimWords(claim);
  if (words.length < translationThreshold.words) return undefined;
  for (const sentence of sentences) {
    const aligned = alignedInOrder(words, sentence);
    if (aligned < translationThreshold.words || aligned / words.length < translationThreshold.share) continue;
    if (alignedInOrder(words, sentence, true) >= translationThreshold.translated) return { aligned, of: words.length };
  }
  return undefined;
}
