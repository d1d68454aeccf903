/**
 * Prompt-injection and jailbreak heuristics. Each heuristic is a feature for the classifier (its
 * weight is learned), not a verdict. Patterns are sequences of word alternatives with a maximum
 * gap between consecutive stages, matched over the tokens of the normalized text in one pass.
 */

export type HeuristicKind = 'prompt_injection' | 'jailbreak' | 'obfuscation';

export interface Heuristic {
  id: string;
  kind: HeuristicKind;
  /** Human-readable reason shown when it fires. */
  reason: string;
  /**
   * Token sequences: stages separated by `~N` (at most N other tokens in between; default 0),
   * alternatives by `|`. Several sequences per heuristic are OR-ed.
   */
  patterns: string[];
  /** Substrings of the letters-only text ("ig nore prev ious" -> "ignoreprevious"). */
  compact?: string[];
}

const OVERRIDE_VERB =
  'ignore|ignoring|disregard|disregarding|forget|forgetting|skip|bypass|override|overriding|neglect|discard|abandon|dismiss|overlook|drop|erase|delete|remove|reset|clear|wipe|scrap|scratch|ditch|nevermind|circumvent|suspend|cancel|revoke|ignora|ignorez|ignorar|ignorieren|ignoriere|ignorer|vergiss|vergessen|vergesse|missachte|oublie|oubliez|olvida|olvidate|dimentica|esqueca|esquece|negeer|vergeet|zabud|ignoriruj';
const PRIOR =
  'previous|prior|above|earlier|preceding|foregoing|initial|original|old|all|any|every|your|the|these|those|this|that|system|developer|default|former|current|existing|given|preset|assigned|configured|hidden|internal|anteriores|anterior|precedentes|precedenti|vorherigen|vorigen|bisherigen|obigen|alle|tous|toutes|todas|todos|tutte|vorige|eerdere';
const RULES =
  'instructions|instruction|rules|rule|prompt|prompts|directions|guidelines|guideline|context|directives|directive|commands|orders|constraints|restrictions|programming|guidance|messages|text|training|policies|policy|safeguards|filters|limitations|conversation|everything|task|tasks|request|requests|question|query|setup|configuration|settings|briefing|persona|role|mission|memory|instrucciones|indicaciones|reglas|anweisungen|vorgaben|regeln|befehle|consignes|regles|istruzioni|regole|instrucoes|regras|instructies|regels';

export const HEURISTICS: readonly Heuristic[] = [
  {
    id: 'override.ignore_previous',
    kind: 'prompt_injection',
    reason: 'asks to ignore previous instructions',
    patterns: [
      `${OVERRIDE_VERB} ~4 ${PRIOR} ~3 ${RULES}`,
      `set|put|push|cast|throw ~0 aside|away ~3 ${RULES}`,
      // Romance languages put the adjective after the noun: "ignora le istruzioni precedenti".
      `${OVERRIDE_VERB} ~3 ${RULES} ~2 previous|prior|above|earlier|precedenti|precedentes|precedents|anteriores|anteriori|anterieures|precedenti|ci|dessus|sopra|arriba|acima|vorherigen|obigen`,
      `regardless|irrespective|independently ~1 of ~3 ${PRIOR} ~2 ${RULES}`,
      'vergiss|vergessen|vergesse|ignoriere|ignorieren|oublie|oubliez|ignorez|olvida|olvidate|ignora|dimentica|esqueca|esquece|ignore|negeer|vergeet ~2 alles|tout|todo|tutto|tudo|alle|everything|allt',
      'alles|everything|tout ~1 davor|oben|zuvor|vorher|above|before|ci ~0 dessus',
      `pay ~0 no ~0 attention|heed ~3 ${RULES}|above|before|earlier`,
      `${RULES} ~3 are|is ~1 void|invalid|obsolete|outdated|cancelled|canceled|revoked|suspended|irrelevant|expired|null`,
      `${RULES} ~3 no ~0 longer ~0 apply|applies|valid|matter|count`,
      `whatever|everything|anything ~3 told|said|instructed|given ~3 before|earlier|previously|above ~4 void|ignore|forget|irrelevant|apply|matter`,
      `${OVERRIDE_VERB} ~2 everything|all ~3 said|told|above|before|instructed`,
      `do|dont ~1 not ~1 follow|obey ~3 ${PRIOR} ~3 ${RULES}`,
      `stop ~1 following|obeying ~3 ${RULES}`,
    ],
    compact: [
      'ignorepreviousinstructions',
      'ignoreallpreviousinstructions',
      'ignoreallprior',
      'ignoreprior',
      'ignoretheabove',
      'ignoreyourinstructions',
      'disregardprevious',
      'disregardallprevious',
      'disregardtheabove',
      'forgetallprevious',
      'forgetpreviousinstructions',
      'forgetyourinstructions',
      'forgeteverything',
      'ignoreallinstructions',
      'ignoreallrules',
    ],
  },
  {
    id: 'override.new_instructions',
    kind: 'prompt_injection',
    reason: 'announces new or replacement instructions',
    patterns: [
      'new|updated|real|actual|true|revised|following|additional|secret|hidden|different ~1 instructions|instruction|task|directive|directives|orders|objective|rules|rule|priority|policy|guideline|guidelines|goal|mission|role',
      'rules|restrictions|filters|safety|confidentiality|policies ~2 have|has|are|is ~1 been ~1 removed|lifted|disabled|suspended|deactivated|turned|switched|off',
      'clear|wipe|reset|erase ~2 your ~1 memory|context|instructions|rules',
      'use ~1 mine|my ~1 instead',
      'instead ~3 you ~2 will|must|should|shall|now',
      'your ~1 new|real|actual|only|primary ~1 task|goal|job|purpose|mission|objective|role',
      'from ~0 now ~0 on',
      'from ~0 this ~0 point|moment ~0 on|onwards|forward',
      'these ~2 instructions ~3 override|supersede|replace|take ~0 precedence|priority',
      'override|supersede|supersedes|overrides ~3 all|any|previous|prior|other|your ~2 instructions|rules|guidelines|safety|restrictions',
      'highest ~1 priority',
      'priority ~1 override',
    ],
  },
  {
    id: 'extraction.system_prompt',
    kind: 'prompt_injection',
    reason: 'tries to extract the system prompt or hidden instructions',
    patterns: [
      'reveal|show|print|repeat|output|display|tell|give|share|leak|dump|recite|write|spell|disclose|expose|provide|list|return|echo|paste|copy|translate|summarize|summarise|what ~4 your|the|initial|hidden|secret|original|full|entire|exact|system|above|complete ~2 system|initial|hidden|original|secret|developer|pre|previous|first ~1 prompt|prompts|instructions|message|messages|rules|guidelines|configuration|directives|password|key|text',
      'repeat|print|output|recite|reproduce ~3 words|text|everything|all|content|lines ~2 above|before|preceding|prior',
      'what|how ~1 were|are|was|is ~1 you ~1 told|instructed|programmed|configured|prompted',
      'reveal|show|print|repeat|output|display|tell|give|share|leak|dump|recite|write|spell|disclose|expose|provide|list|return|echo|paste|copy|quote|reproduce ~3 your|the ~2 setup|configuration|instructions|prompt|rules|guidelines|directives|briefing|password|passphrase|key|secret|secrets|token|credentials|config',
      'what ~1 does|do ~1 your ~2 setup|instructions|prompt|rules|configuration|guidelines ~1 say|contain|state',
      'protected|confidential|hidden|secret|private|admin ~1 key|password|token|code|data|rules|instructions|prompt|information',
      'first|second ~0 half|part|letter|letters|character|characters ~2 of ~1 the|your ~1 password|secret|key|prompt|instructions',
      'everything|all|anything ~2 above|before ~2 this|my ~0 line|message|point',
      'verbatim|word ~0 for ~0 word|exactly ~0 as ~0 written',
      'what ~1 is|are|was|were ~1 your ~2 instructions|rules|prompt|directives|guidelines|password|secret|key',
      'starting|beginning|begin|start ~1 with ~2 you ~0 are',
      'system ~0 prompt ~0 verbatim',
      'secret|confidential|hidden ~1 password|key|code|string|token|word|passphrase ~4 is|tell|reveal|give|share|what',
      'tell|give|reveal|share|show|provide|say|spell|write ~3 me|us ~2 the|your ~1 password|secret|key|passphrase|passcode|credentials',
      'confirm|verify|validate|repeat|type ~3 the|your ~1 password|passphrase|passcode|secret|key|pin',
    ],
    compact: [
      'revealyoursystemprompt',
      'showmeyoursystemprompt',
      'printyoursystemprompt',
      'repeatthewordsabove',
      'whatisyoursystemprompt',
      'revealyourinstructions',
      'revealthepassword',
      'tellmethepassword',
      'whatisthepassword',
    ],
  },
  {
    id: 'delimiter.fake_system',
    kind: 'prompt_injection',
    reason: 'contains chat-template delimiters or a fake system message',
    patterns: [
      'im_start|im_end|endoftext|start_header_id|end_header_id|eot_id|begin_of_text|sys|inst|system_prompt',
      'system ~0 message|override|update|alert|notice|instruction|instructions|command|mode|reset|prompt|administrator|admin|note|announcement',
      'admin|administrator|developer|root|sudo|maintenance|debug|god|superuser|test ~0 mode|override|access|command|privileges|console',
      'end ~0 of ~0 user|system|prompt|input|document|context|conversation|instructions',
      'begin|start ~0 new|system|admin ~0 prompt|instructions|session|conversation',
      'assistant|ai|model|chatbot|llm ~0 must|shall|will|should ~0 now|comply|obey|ignore',
    ],
  },
  {
    id: 'indirect.addressed_to_ai',
    kind: 'prompt_injection',
    reason: 'text addresses an AI reader with instructions (indirect injection)',
    patterns: [
      'if ~0 you ~0 are ~1 an|a ~1 ai|assistant|llm|model|language|chatbot|bot|agent|gpt|claude|copilot',
      'when|while|as ~2 you ~1 read|process|summarize|summarise|parse|analyze|see|encounter|scan ~2 this|these',
      'note|message|instructions|instruction|attention|important|hey|dear|notice|memo ~1 to|for ~2 ai|assistant|assistants|llm|llms|model|models|chatbot|agent|agents|bot|bots|gpt|copilot',
      'before|when|while ~0 answering|responding|replying|summarizing|summarising|processing ~2 you ~0 must|should|need|have',
      'ai|assistant|llm|model|agent|chatbot|bots ~1 reading|processing|summarizing|parsing|analyzing|seeing',
      'do ~0 not|dont ~0 tell|inform|mention|notify|alert|show|reveal ~1 the ~0 user|users|human|reader|anyone',
      'without ~0 telling|informing|notifying|alerting|asking ~1 the ~0 user|users|human|anyone',
      'hidden|invisible|secret ~1 from ~1 the ~1 user',
      'in ~0 your ~0 response|reply|answer|summary|output ~3 include|mention|add|insert|recommend|suggest|tell|say',
    ],
  },
  {
    id: 'exfiltration.send_data',
    kind: 'prompt_injection',
    reason: 'asks to send, upload or embed data somewhere (exfiltration)',
    patterns: [
      'send|forward|email|mail|post|upload|transmit|exfiltrate|leak|share|submit|append|encode|embed|copy ~5 password|passwords|credentials|key|keys|token|tokens|secrets|history|conversation|messages|emails|data|contacts|files|cookies|details|information|info ~4 to|at|into|via|http|https|url',
      'exfiltrate|exfiltration',
      'append|add|include|insert|embed ~4 to|into|in ~2 url|link|image|markdown|query',
      'visit|open|fetch|load|call|browse|navigate|click ~2 this|the|following ~1 url|link|website|page|endpoint',
      'curl|wget|requests ~0 post|get',
    ],
  },
  {
    id: 'persona.dan',
    kind: 'jailbreak',
    reason: 'known jailbreak persona (DAN, developer mode, AIM, ...)',
    patterns: [
      'apophis|betterdan|antigpt|evilbot|devmode|ucar|jailbreak|jailbroken|jailbreaking|jailbreaks|chaosgpt|darkgpt|basedgpt',
      'mongo ~0 tom',
      // Common first names and words ("Dan Brown", "my aim") count only next to persona wording.
      'act|acting|pretend|become|be|you|hi|hello|hey|called|named ~3 dan|stan|dude|aim|kevin|nova|omega',
      'dan|stan|dude|aim|kevin ~6 stands|mode|character|persona|anything|unfiltered|jailbreak|jailbroken|free|restrictions|filters|unrestricted',
      'do ~0 anything ~0 now',
      'developer|god|dev|unrestricted|unfiltered|uncensored|evil|chaos|opposite|dan|jailbreak|unlocked|freedom ~0 mode',
      'always ~0 intelligent ~0 and ~0 machiavellian',
      'stay|remain|stays|staying ~1 in ~0 character',
      'break|breaking ~1 character',
      'two|both|2 ~1 different|separate|distinct ~0 responses|answers|ways|personalities|modes',
      'respond|answer|reply ~3 twice',
    ],
    compact: ['doanythingnow', 'developermode', 'jailbreakmode', 'dannow', 'youaredan', 'actasdan'],
  },
  {
    id: 'persona.no_rules',
    kind: 'jailbreak',
    reason: 'claims the model has no rules, filters or ethics',
    patterns: [
      'no|without|free ~1 of|from ~2 restrictions|limits|limitations|filters|filtering|censorship|rules|ethics|morals|boundaries|guidelines|constraints|restraints|safeguards|policies|regulations|confines',
      'not ~0 bound|restricted|limited|constrained ~1 by',
      'unfiltered|uncensored|unrestricted|amoral|unbound|lawless|unaligned',
      'without ~0 any ~0 filters|filter|limits|rules|ethics|morals|restrictions|censorship',
      'ohne ~1 filter|einschrankungen|regeln|grenzen|zensur',
      'sans ~2 filtre|filtres|limite|limites|regles|restrictions|censure',
      'sin ~2 filtros|filtro|limites|reglas|restricciones|censura|etica',
      'senza ~2 filtri|limiti|regole|restrizioni|censura',
      'sem ~2 filtros|limites|regras|restricoes|censura',
      'all ~0 knowledge|information ~1 is ~1 free|legal|public',
      'no ~0 laws|rules ~1 exist|apply',
      'nothing ~1 is ~1 illegal|forbidden',
      'no ~1 ethical|moral|legal|content ~1 guidelines|restrictions|considerations|boundaries|constraints|limits|principles|obligations|policies|filters',
      'ignore|ignores|bypass|bypassing|disable|disabled|turn ~0 off|remove|removed ~2 safety|ethical|moral|content ~1 filters|filter|guidelines|restrictions|protocols|policies|measures|settings|rules',
      'openai|anthropic|content ~1 policy|policies|guidelines ~2 do ~0 not|dont|no ~0 longer ~1 apply',
      'broken ~0 free',
    ],
  },
  {
    id: 'persona.roleplay_frame',
    kind: 'jailbreak',
    reason: 'role-play or hypothetical framing',
    patterns: [
      'pretend|imagine|suppose|roleplay|role ~0 play',
      'you ~0 are ~0 now|going|no',
      'you|youre ~0 re|are ~1 an|a ~0 actor|character|persona|text|completion',
      'du ~0 bist ~0 jetzt|nun',
      'tu ~0 es ~0 maintenant|desormais',
      'ahora ~0 eres',
      'eres ~0 un|una ~0 personaje|ia',
      'sei ~0 un|una ~0 ia|personaggio',
      'ab ~0 sofort|jetzt',
      'a ~0 partir ~0 de ~0 maintenant|ahora',
      'd ~0 ora ~0 in ~0 poi',
      'desormais|dorenavant',
      'in ~0 character',
      'my ~0 late|deceased|dead ~0 grandma|grandmother|grandfather|grandpa|granny|mother|father',
      'act|acting|behave ~1 as|like ~2 a|an|my',
      'hypothetical|hypothetically|fictional|fiction|fictitious|imaginary|theoretical|theoretically',
      'for ~1 a|my ~1 novel|story|movie|screenplay|script|game|book|research|class',
      'in ~0 this|a ~1 world|universe|scenario|story|game',
    ],
  },
  {
    id: 'refusal_suppression',
    kind: 'jailbreak',
    reason: 'tries to suppress refusals, warnings or disclaimers',
    patterns: [
      'never|not|dont|cannot|cant|wont|must ~1 refuse|decline|apologize|apologise|warn|reject|deny|censor',
      'never|not|dont|without|no ~1 say|saying|add|adding|include|including|any ~1 sorry|disclaimers|disclaimer|warnings|warning|caveats|moralizing|lectures|refusals|apologies',
      'start|begin|starts|begins ~2 your|the|with|by ~2 response|reply|answer|output|sentence ~3 with|sure|certainly|absolutely',
      'sure ~1 here ~0 is|are|s',
      'as ~0 an ~0 ai ~0 language ~0 model',
      'i ~0 m ~0 sorry|cannot|can ~0 t',
      'answer|respond|reply ~3 regardless|whatever|no ~0 matter|every ~0 question|all ~0 questions|any ~0 request',
      'must|will|always ~2 answer|comply|obey|respond|fulfill|fulfil ~3 every|all|any|always|regardless|request|requests|question|questions',
      'have|has|need|got ~0 to ~0 answer|comply|obey|respond ~2 all|every|any|my|whatever',
      'token|tokens ~3 deducted|lose|lost|die|dies|points',
    ],
  },
  {
    id: 'harmful.request',
    kind: 'jailbreak',
    reason: 'asks for clearly harmful content',
    patterns: [
      'how|steps|instructions|guide|tutorial|recipe|detailed|explain|write|create|make|build|synthesize|manufacture|produce|design|develop|code|get|buy|obtain|acquire|assemble|convert|brew|cook|grow|smuggle|hide|tell|describe|list ~6 bomb|bombs|explosive|explosives|meth|methamphetamine|napalm|molotov|thermite|chloroform|weapon|weapons|gun|guns|firearm|firearms|silencer|suppressor|rifle|pistol|nerve|sarin|ricin|anthrax|pathogen|bioweapon|chemical|toxin|malware|ransomware|keylogger|spyware|virus|trojan|rootkit|botnet|exploit|poison|poisons|cocaine|heroin|fentanyl|mdma|lsd|drugs|counterfeit|passport|phishing|scam|ddos|body|corpse',
      'steal|stealing|hack|hacking|launder|laundering|kidnap|kidnapping|murder|kill|hurt|injure|assassinate|torture|traffick|trafficking|smuggle|smuggling|shoplift|shoplifting|stalk|stalking|dox|doxx|blackmail|extort|bribe|forge|hotwire|poison|drug|disable|sabotage|break ~4 someone|somebody|into|people|money|person|identity|bank|account|accounts|government|database|website|children|child|without|neighbor|neighbour|ex|wife|husband|coworker|boss|car|house|brakes|card|cards|elderly',
      'without ~1 getting ~0 caught|noticed|detected',
      'without ~1 being ~0 caught|noticed|detected|traced',
      'untraceable|undetectable ~2 gun|weapon|poison|malware|way',
      'fake|forged|counterfeit ~1 id|passport|money|bills|documents|license|currency',
      'dark ~0 web|net',
      'racist|sexist|hateful|defamatory|harassing|extremist|propaganda|misinformation|disinformation|pornographic|explicit ~3 content|article|post|message|joke|jokes|essay|speech|story|tweet|letter',
      'commit|get ~0 away|evade|avoid ~3 crime|murder|fraud|taxes|detection|police|law|authorities|arson|suicide',
      'real|working|functional|exact|precise|complete|detailed|actual ~2 recipe|code|instructions|steps|reagents|quantities|amounts|formula|malware|exploit|ransomware',
      'step ~0 by ~0 step ~4 bomb|explosive|meth|weapon|poison|drug|drugs|malware|ransomware|hack|steal|kill|gun|silencer|anthrax|virus',
      'bombe|bomba|rohrbombe|sprengstoff|explosif|explosivo|waffe|arme|arma|drogue|droga|drogen|pirater|hackear|hacken|voler|robar|stehlen',
      'self|suicide ~0 harm|methods|note',
    ],
  },
  {
    id: 'payload.split_or_encoded',
    kind: 'obfuscation',
    reason: 'asks the model to decode, reverse or assemble a hidden request',
    patterns: [
      'decode|decrypt|deobfuscate|unscramble|reverse|rot13|base64|hex|caesar|cipher|morse|leetspeak|backwards ~6 and|then|follow|execute|answer|do|respond|instructions|following|message|text|string',
      'combine|concatenate|join|merge|assemble ~4 a|the|strings|parts|pieces|variables|words|letters|x|y|z ~4 and|then ~1 answer|execute|follow|respond|do|write',
      'word ~0 by ~0 word',
      'first ~0 letter|letters ~1 of ~1 each',
    ],
  },
];

// ---------------------------------------------------------------------------------------------

interface Stage {
  gap: number;
}

interface CompiledPattern {
  heuristic: number;
  stages: Stage[];
}

interface Compiled {
  patterns: CompiledPattern[];
  /** token -> list of [patternIndex, stageIndex] */
  index: Map<string, Array<[number, number]>>;
  compact: Array<[string, number]>;
}

function compile(heuristics: readonly Heuristic[]): Compiled {
  const patterns: CompiledPattern[] = [];
  const index = new Map<string, Array<[number, number]>>();
  const compact: Array<[string, number]> = [];
  heuristics.forEach((h, hi) => {
    for (const source of h.patterns) {
      const parts = source.trim().split(/\s+/);
      const stages: Stage[] = [];
      let gap = 0;
      const pi = patterns.length;
      for (const part of parts) {
        if (part.startsWith('~')) {
          gap = Number(part.slice(1));
          continue;
        }
        const si = stages.length;
        stages.push({ gap });
        gap = 0;
        for (const word of new Set(part.split('|'))) {
          const list = index.get(word) ?? [];
          list.push([pi, si]);
          index.set(word, list);
        }
      }
      patterns.push({ heuristic: hi, stages });
    }
    for (const c of h.compact ?? []) compact.push([c, hi]);
  });
  return { patterns, index, compact };
}

const COMPILED = compile(HEURISTICS);

/** Splits normalized text into lowercase word tokens (letters and digits); apostrophes split ("don't" -> don, t). */
export function tokenize(normalized: string, maxTokens = 20_000): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= normalized.length; i++) {
    const c = i < normalized.length ? normalized.charCodeAt(i) : 0x20;
    const word =
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x5f ||
      (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !isSpaceLike(c));
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push(normalized.slice(start, i));
      start = -1;
      if (tokens.length >= maxTokens) break;
    }
  }
  return tokens;
}

function isSpaceLike(c: number): boolean {
  return (
    (c >= 0x2000 && c <= 0x206f) ||
    c === 0x3000 ||
    c === 0x3001 ||
    c === 0x3002 ||
    c === 0xff0c ||
    c === 0xff0e ||
    c === 0xfeff
  );
}

/**
 * Which heuristics fire on the given tokens and letters-only text. Returns one count per heuristic
 * (number of distinct patterns of it that matched, plus compact matches), in HEURISTICS order.
 * One pass over the tokens; each token touches only the pattern stages that mention it.
 */
export function matchHeuristics(tokens: readonly string[], compactText: string): number[] {
  const { patterns, index, compact } = COMPILED;
  const last = patterns.map((p) => new Int32Array(p.stages.length).fill(-1_000_000));
  const matched = new Uint8Array(patterns.length);
  for (let t = 0; t < tokens.length; t++) {
    const entries = index.get(tokens[t] ?? '');
    if (!entries) continue;
    // Later stages first so one token never satisfies two consecutive stages of a pattern.
    for (let e = entries.length - 1; e >= 0; e--) {
      const entry = entries[e];
      if (!entry) continue;
      const [pi, si] = entry;
      const pattern = patterns[pi];
      const state = last[pi];
      if (!pattern || !state || matched[pi]) continue;
      const stage = pattern.stages[si];
      if (!stage) continue;
      if (si === 0) state[0] = t;
      else if (t - (state[si - 1] ?? -1_000_000) - 1 <= stage.gap && (state[si - 1] ?? -1) < t) state[si] = t;
      else continue;
      if (si === pattern.stages.length - 1) matched[pi] = 1;
    }
  }
  const counts = new Array<number>(HEURISTICS.length).fill(0);
  patterns.forEach((p, pi) => {
    if (matched[pi]) counts[p.heuristic] = (counts[p.heuristic] ?? 0) + 1;
  });
  for (const [needle, hi] of compact) {
    if (compactText.includes(needle)) counts[hi] = (counts[hi] ?? 0) + 1;
  }
  return counts;
}
