/**
 * The cue lists that decide an ACLED event type, as data: each names the words an analyst would look for.
 * The order in which they are weighed, and what each leads to, is event-type.ts's.
 */

// ───────────────────────────── cue lists ─────────────────────────────

/** Aircraft as the subject of a strike ("Turkish drones struck", "warplanes belonging to X bombed"). */
const AIRCRAFT =
  String.raw`(?:fighter[- ]jets?|fighter planes?|war ?planes?|military (?:aircraft|planes?|jets?)|jets?|aircraft|planes?|drones?|UAVs?|UCAVs?|helicopters?|helicopter gunships?|gunships?|Bayraktars?|Wing Loongs?|Mirages?|MiGs?|Sukhois?|F-16s?|Rafales?)`;
const AIR_VERB = String.raw`(?:struck|strikes?|bombed|bombs?|hit|hits|targeted|targets?|pounded|raided|attacked|fired (?:missiles|rockets|on|at)|launched (?:strikes|raids|missiles)|carried out (?:strikes|raids))`;

/** Air-to-ground attacks (ACLED: Explosions/Remote violence → Air/drone strike; helicopters count too). */
export const AIR_CUES: readonly RegExp[] = [
  /\b(?:air[- ]?strikes?|air[- ]?raids?|drone (?:strikes?|attacks?)|aerial (?:bombardment|bombing|attacks?|strikes?|raids?)|air attacks?|bombing raids?|helicopter gunships?|air campaign)\b/gi,
  new RegExp(String.raw`\b${AIRCRAFT}\b(?:[^.;:,]{0,60}?)\b${AIR_VERB}\b`, 'gi'),
  new RegExp(String.raw`\b(?:struck|bombed|hit|targeted|pounded|raided|attacked)\s+by\s+(?:[\w'’-]+\s+){0,4}?${AIRCRAFT}\b`, 'gi'),
  // "attacking Libya with fighter jets", "struck the port with drones".
  new RegExp(String.raw`\b(?:attack(?:ed|ing)?|struck|striking|bomb(?:ed|ing)|hit(?:ting)?|target(?:ed|ing)|pound(?:ed|ing))\s+(?:[\w'’-]+\s+){0,4}?with\s+(?:[\w'’-]+\s+){0,2}?${AIRCRAFT}\b`, 'gi'),
  new RegExp(String.raw`\b(?:dropped bombs|(?:bombed|bombing|bombs)\b(?=[^.;]*\b${AIRCRAFT}\b))`, 'gi'),
  // "the strike on the Tajoura detention centre": in Libya coverage a bare "strike on" is an air strike
  // ("a general strike on Monday" is not, hence the day and date exclusion).
  /\bstrikes? (?:on|against|targeting) (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d)\b)/gi,
];

/** An air attack on something that fires back, or air-to-air, is a Battle (ACLED rule), when detectable. */
export const AIR_BATTLE_CUES: readonly RegExp[] = [
  /\b(?:air-to-air|dogfights?|anti-aircraft fire|air defen[cs]es? (?:fired|engaged|responded|opened fire)|returned fire)\b/gi,
  new RegExp(String.raw`\bshot down (?:an? |the |two |three )?(?:[\w'’-]+\s+){0,2}?(?:fighter[- ]jets?|war ?planes?|jets?|aircraft|helicopters?|planes?)\b`, 'gi'),
];

/** Ground-launched indirect fire (ACLED: Shelling/artillery/missile attack). "Rocket-propelled grenades" are excluded: that is fighting. */
export const SHELLING_CUES: readonly RegExp[] = [
  /\b(?:shell(?:s|ed|ing)|artillery|mortars?|(?<!propelled\s)rockets?(?!-propelled)|Katyushas?|missiles?|bombard(?:ed|ment|ments|ing)|indiscriminate fire|heavy weapons fire)\b/gi,
  // Grad rockets: case-sensitive, "grad" is also a word.
  /\bGrads?\b/g,
];

/** Suicide attacks come first: a "suicide car bomb" is a Suicide bomb, not an IED (ACLED). */
export const SUICIDE_CUES: readonly RegExp[] = [
  /\b(?:suicide (?:car[- ])?(?:bomb(?:er|ers|ing|ings|s)?|attacks?|attackers?|vests?|belts?|trucks?|blasts?|explosions?)|blew (?:himself|herself|themselves) up|explosive (?:vests?|belts?))\b/gi,
];

/** Remote explosives (ACLED: Remote explosive/landmine/IED). A bare "explosion" is the weakest of these. */
export const IED_CUES: readonly RegExp[] = [
  /\b(?:IEDs?|VBIEDs?|improvised explosive devices?|car[- ]bomb(?:s|ing|ings)?|roadside (?:bombs?|bombings?)|land ?mines?|mines\b|a mine\b|booby[- ]trap(?:s|ped)?|explosive devices?|bombs? (?:exploded|went off|blasts?)|bomb blasts?|detonat(?:ed|ion)|unexploded ordnance|explosive remnants)\b/gi,
  /\b(?:explosions?|blasts?)\b/gi,
];

export const GRENADE_CUES: readonly RegExp[] = [/\b(?<!propelled\s)(?:hand )?grenades?\b/gi];

/**
 * Territory changing hands by force (ACLED: Government regains territory / Non-state actor overtakes
 * territory). "Seized" alone is too loose ("seized weapons"), so it needs a place-like object.
 */
export const TERRITORY_CUES: readonly RegExp[] = [
  /\b(?:occup(?:ied|ies|y|ying)(?= )|captur(?:ed|es|ing)|seiz(?:ed|es|ing) control|(?:took|taken|take|takes|gained|regained|wrested|wrest|assumed) (?:full )?control|retook|retaken|recaptur(?:ed|es|ing)|took over(?= (?:the )?(?:town|city|village|airport|air ?base|base|port|terminal|area|district|[A-Z]))|took (?:the )?(?:town|city|village|airport|air ?base|capital)|overran|overrun|fell to|liberat(?:ed|es|ing)|drove (?:[\w'’-]+\s+){1,4}out of|expelled (?:[\w'’-]+\s+){1,4}from|advanced into|swept into|seized (?:the )?(?:town|city|village|airport|air base|airbase|base|port|terminal|oil|area|district|headquarters|[A-Z]\w+))\b/gi,
];

/** ACLED: Non-violent transfer of territory (a side leaves, or hands over, without a fight). */
export const TRANSFER_CUES: readonly RegExp[] = [
  /\b(?:withdr(?:ew|awn|aws) (?:\w+ ){0,3}?from (?=(?:the )?(?:town|city|village|airport|air ?base|base|port|area|district|capital|[A-Z]))|pulled out of|handed over (?:control of )?|handover of|evacuated (?:their|its) positions)/gi,
];

/** A transfer without fighting turns a territory cue into a Strategic development. */
export const NON_VIOLENT_TRANSFER = /\b(?:without (?:a )?(?:fight|fighting|resistance|bloodshed|a shot)|peacefully)\b/i;

/** What follows a territory or transfer cue when it is a place: a place noun, or a capitalised name (checked case-sensitively). */
export const PLACE_NEXT = /^\s+(?:(?:the|The)\s+)?(?:[a-z-]+\s+)?(?:(?:town|city|village|airport|air ?base|airbase|base|port|terminal|oil|area|district|capital|headquarters|outskirts|centre|center)\b|[A-Z])/;

/** Capturing people, not places: "captured two mercenaries" is part of the fighting, not territory. */
export const CAPTURED_PEOPLE =
  /^\s*(?:(?:them|him|her|us|hostages|suspects|civilians|people)\b|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|several|a number of|scores of)?\s*(?:[\w'’-]+\s+){0,2}?(?:fighters|soldiers|troops|mercenaries|militants|prisoners|members|men|officers|commanders?)\b)/i;

/** Clause words saying which side took the ground: state forces regain, others overtake. */
export const STATE_FORCE_WORDS =
  /\b(?:government|GNA|GNU|LNA|Libyan National Army|Libyan Arab Armed Forces|LAAF|Haftar|army|military|state forces|pro-government|unity government|Bunyan al-Marsous|Volcano of Anger)\b/i;

/** Armed confrontation between organised groups (ACLED: Battles → Armed clash). */
export const CLASH_CUES: readonly RegExp[] = [
  /\b(?:clash(?:es|ed|ing)?|fighting(?! (?:force|forces|age|men|season|chance|spirit|group|groups))|fought|battles?|battled|battling|gun ?battles?|gunfights?|firefights?|exchanged (?:heavy )?(?:fire|gunfire)|exchanges? of (?:fire|gunfire)|skirmish(?:es|ed)?|ambush(?:ed|es)?|counter[- ]?attacks?|counter[- ]?offensives?|offensive|fights? (?:broke out|erupted)|heavy gunfire|repell?ed (?:an? )?(?:attack|assault|advance)|repulsed|(?:attack(?:ed|s)?|assault(?:ed|s)?|raid(?:ed|s)?|stormed|overran)(?: on)? (?:[\w'’-]+\s+){0,4}?(?:positions?|checkpoints?|bases?|barracks|camps?|patrols?|convoys?|outposts?|headquarters))\b/gi,
];

/** Demonstrations (ACLED: Protests/Riots). */
export const PROTEST_CUES: readonly RegExp[] = [
  /\b(?:protest(?:s|ed|ing|ers|ors)?|demonstrations?|demonstrators|rally|rallies|sit-ins?|marched|marches|took to the streets|took to the street)\b/gi,
  /\b(?:mob|lynch(?:ed|ing)?)\b/gi,
];
/** Demonstrators using violence make it a riot (stones, storming, arson); burning tyres on a road is still a protest. */
export const RIOT_CUES =
  /\b(?:riots?|rioters|rioting|violent (?:protests?|demonstrations?)|stormed|torched|set (?:fire|ablaze)|set \w+ (?:on fire|ablaze)|(?:threw|throwing|hurled|hurling) (?:stones|rocks|petrol bombs|molotov)|vandali[sz](?:ed|ing)|clash(?:es|ed)?|ransack(?:ed|ing))\b/i;
/** Mob violence (ACLED: Riots → Mob violence). */
export const MOB_CUES = /\b(?:mob|lynch(?:ed|ing)?|vigilantes?)\b/i;
/** Lethal or highly violent force against demonstrators (ACLED: Excessive force against protesters). */
export const EXCESSIVE_FORCE_CUES =
  /\b(?:live (?:ammunition|fire|rounds)|opened fire on|fired (?:directly )?(?:on|at|into) (?:the )?(?:crowd|protesters|demonstrators)|shot (?:dead )?(?:\w+ )?(?:protesters|demonstrators)|(?:killing|killed|shot dead) (?:\w+ ){0,3}?(?:protesters|demonstrators)|(?:protesters|demonstrators) (?:were|was) (?:killed|shot))\b/i;
/** Force used to disperse a protest (ACLED: Protest with intervention). */
export const INTERVENTION_CUES =
  /\b(?:dispers(?:e|ed|ing)|tear ?gas|water cannons?|broke up|broken up|fired (?:shots |warning shots )?(?:in|into) the air|rubber bullets|batons?|arrested (?:\w+ ){0,3}?(?:protesters|demonstrators)|beat (?:protesters|demonstrators))\b/i;

/** Either kind of force against demonstrators: where in the sentence the intervening force is named. */
export const DEMONSTRATION_FORCE_CUES = new RegExp(`${EXCESSIVE_FORCE_CUES.source}|${INTERVENTION_CUES.source}`, 'i');

export const SEXUAL_VIOLENCE_CUES: readonly RegExp[] = [/\b(?:rap(?:ed|es|ing)|rape|sexual (?:violence|assault|abuse)|sexually (?:assaulted|abused))\b/gi];

export const ABDUCTION_CUES: readonly RegExp[] = [
  /\b(?:abduct(?:ed|ion|ions|ing|s)?|kidnap(?:ped|ping|pings|s)?|snatched|forcibly disappeared|enforced disappearances?|taken hostage|held hostage|hostage-taking|seized (?:by )?(?:unidentified|unknown|armed) (?:gunmen|men))\b/gi,
];

/**
 * One-sided violence, or an attack whose target decides the type: "attacked a checkpoint" is a Battle
 * (handled by CLASH_CUES), "attacked residents"/"attacked the town" is Violence against civilians.
 */
export const ATTACK_CUES: readonly RegExp[] = [
  // Singular or verb only: plural "attacks" is nearly always a trend or background ("IS attacks have increased").
  /\b(?:attack(?:ed|ing)?|assault(?:ed)?|raid(?:ed)?|stormed|opened fire|shot (?:dead|and killed)|gunned down|executed|execution|beheaded|massacred?|assassinat(?:ed|ion|ions)|murder(?:ed|s)?|tortur(?:ed|e)|killed|shot(?! down))\b/gi,
];
/** Targets that make an attack a Battle. */
export const ARMED_TARGET =
  /\b(?:insurgents?|rebels?|combatants?|extremists?|terrorists?|snipers?|cadres?|positions?|checkpoints?|bases?|airports?|air ?bases?|ports?|terminals?|oil fields?|barracks|camps?|soldiers?|troops|forces|fighters?|militants?|police(?:m[ae]n)?|army|patrols?|convoys?|headquarters|militias?|brigades?|guards?|posts?|units?|gunm[ae]n|jihadists?|commanders?|mercenar(?:y|ies))\b/i;
/**
 * Armed people: a victim or target described this way is not a civilian (ACLED codes an attack on them as a
 * battle, or keeps it a strike with the armed group as actor2).
 */
export const ARMED_PEOPLE =
  /\b(?:militants?|fighters?|soldiers?|troops|gunm[ae]n|jihadists?|insurgents?|rebels?|combatants?|mercenar(?:y|ies)|commanders?|militiam[ae]n|extremists?|terrorists?|snipers?|policem[ae]n|officers?|guards?|cadres?)\b/i;

/** Targets that make an event one against civilians. */
export const CIVILIAN_TARGET =
  /\b(?:civilians?|residents?|residential|villagers|inhabitants|passers-by|bystanders|families|family|shepherds?|herders?|traders?|merchants?|drivers?|passengers?|teachers?|engineers?|pilgrims?|homes?(?! to\b)|houses?|markets?|hospitals?|clinics?|schools?|mosques?|churches|worshippers|migrants?|refugees|detention (?:centre|center)|journalists?|reporters?|activists?|mayor|doctors?|nurses?|man|woman|child|children|women|girls?|boys?|farmers|fishermen|workers|shoppers|pedestrians|neighbou?rhoods?|villages?|towns?|wedding|funeral|tourists|visitors|museum|hotel)\b/i;

/** Negotiated outcomes (ACLED: Agreement): ceasefires, deals, prisoner exchanges, releases, surrenders. */
const AGREEMENT_NOUN = String.raw`(?:cease-?fire|truce|agreement|deal|(?:peace|political|an?) accord|memorandum(?: of understanding)?|pact|prisoner (?:exchange|swap)|roadmap|arrangement)`;
export const AGREEMENT_CUES: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:signed|sign|signing|reached|agreed(?: to| on| upon)?|struck|brokered|concluded|clinched|announced|declared|sealed|finali[sz]ed|inked)\b(?:[^.;]{0,40}?)\b${AGREEMENT_NOUN}`, 'gi'),
  new RegExp(String.raw`\b${AGREEMENT_NOUN}\b[^.;]{0,30}?\b(?:signed|reached|agreed|struck|brokered|concluded|announced|took effect|came into (?:force|effect)|went into effect|entered into force)\b`, 'gi'),
  /\b(?:agreed to (?:exchange|release|reopen|withdraw|unify|hand over|lift|resume|end)|exchanged (?:\w+ ){0,2}?(?:prisoners|detainees|bodies)|released (?:\w+ ){0,3}?(?:prisoners|detainees|hostages|captives)|surrender(?:ed)?)\b/gi,
];
/** Words that mean the agreement is not new: it is violated, rejected, monitored, or only talked about. */
export const AGREEMENT_NOT_NEW_BEFORE =
  /\b(?:violat(?:e|es|ed|ing|ion of)|breach(?:es|ed|ing)?(?: of)?|despite|collapse of|undermin(?:e|es|ed|ing)|reject(?:s|ed|ing)?|respect(?:s|ed|ing)?|abide by|uphold|observe|monitor(?:s|ed|ing)?|implement(?:s|ed|ing|ation of)?|end(?:ed)? (?:of )?the|under the|existing|fragile)\b/i;
export const AGREEMENT_NOT_NEW_AFTER = /^\s*(?:talks|negotiations|proposals?|plans?|initiatives?|calls?|efforts|violations?|breach(?:es)?|monitoring|line|collapsed|broke down)\b/i;

/** Arrests by authorities (ACLED: Arrests). An arrest warrant is only a statement. */
export const ARREST_CUES: readonly RegExp[] = [
  /\b(?:arrested|arrests?(?! warrant)|detained|detention of|apprehended|rounded up|(?:took|taken) into custody)\b/gi,
];

/** ACLED: Headquarters or base established. */
export const HQ_CUES: readonly RegExp[] = [
  /\b(?:established|set up|setting up|opened(?! fire)|built|building)\b(?:[^.;]{0,30}?)\b(?:headquarters|(?:military |air |naval |forward )?base|command (?:centre|center)|operations room|outposts?)\b/gi,
];

/** ACLED: Looting/property destruction. */
export const LOOTING_CUES: readonly RegExp[] = [
  /\b(?:loot(?:ed|ing|ers)?|pillag(?:ed|ing)|ransack(?:ed|ing)|plunder(?:ed|ing)?|torched|set (?:fire|ablaze) to|burn(?:ed|t) down|demolish(?:ed|ing)|bulldoz(?:ed|ing)|vandali[sz](?:ed|ing))\b/gi,
];

/** ACLED: Disrupted weapons use (drones and missiles downed or intercepted, explosives defused, weapons seized). */
export const DISRUPTED_CUES: readonly RegExp[] = [
  /\b(?:shot down|shooting down|downed|downing|intercepted|defus(?:ed|ing)|dismantl(?:ed|ing) (?:an? |the )?(?:IED|explosive|bomb)|seized (?:\w+ ){0,3}?(?:weapons|arms|ammunition|explosives|shipment)|weapons (?:cache|seizure))\b/gi,
];

/**
 * ACLED: Change to group/activity. Oil blockades (ports, terminals and fields shut by armed groups) are
 * coded here, with troop build-ups and reorganisations.
 */
export const CHANGE_CUES: readonly RegExp[] = [
  /\b(?:blockades?|blockaded|blockading|shut(?:ting)? (?:down|in)|shutdown|closed|closure of|halted|suspended|force majeure)\b(?=[^.;]*\b(?:oil|ports?|terminals?|fields?|exports?|production|pipelines?|valves?|refinery)\b)/gi,
  /\b(?:deployed|deployment of|redeployed|reinforcements|mobili[sz](?:ed|ation)|military build-?up|troop (?:build-?up|movements?)|merged|dissolved|disbanded|defected|rebranded|recruit(?:ed|ing|ment)|(?:troops|forces|fighters|mercenaries|militants) (?:have |had )?arrived)\b/gi,
];

/** Statements and political moves: Strategic developments → Other, only when nothing else happened. */
export const OTHER_CUES: readonly RegExp[] = [
  /\b(?:said|says|stated|announced|warned|called for|urged|condemned|accused|denied|threatened|welcomed|rejected|demanded|met|visited|held talks|talks|appointed|named|elected|resigned|dismissed|sworn in|voted|vote|statement|declared|claimed|pledged|vowed)\b/gi,
];
