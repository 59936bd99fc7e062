/**
 * English words that are also aliases or parts of aliases ("IS", "US", "El Feel", "Turkey", "Chad").
 * An alias that normalises to one of these is only matched when written capitalised, and an article
 * written in front of it ("El Feel") is required; short case-exact ones are refused in shouted,
 * all-capitals text ("THIS IS NOT").
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `a about above across after again against all almost alone along already also although always am among an and
  another any are around as at away back base be because been before being below between both but by call can
  case chad change city close come could dawn day did dignity do does done down during each east either else end
  even ever every eye face fact far feel few field find first for force forces free from front full gate get give
  go good great green group guard had half hand has have he head her here high him his home house how i if in
  into is it its just keep kind know land large last late lead left less let life light like line little long
  look made make man many may me mean men might more most mother much must my name near need never new next no
  north not now of off old on once one only open or order other our out over own part party people place point
  port power press right road rock round said same say school sea see seen set she should show side small so
  some south state still such sun take than that the their them then there these they thing think this those
  though three through time to today too top tower turkey two under unity up upon us use very wall want war was
  water way we well were west what when where which while white who why will with within without word work
  world would year yes yet you young your`.split(/\s+/).filter(Boolean),
);
