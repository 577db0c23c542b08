// Romanian, Spanish and Thai name material for the synthetic generator. Thai given names carry
// their spelling variants (RTGS and common forms, written out by hand); Thai surnames are built
// from syllables, each with its own variant spellings, because Thai surnames are nearly unique
// per family. Every person made from these is invented.

export const ROMANIAN_MALE: readonly string[] = [
  'Ștefan', 'Ion', 'Gheorghe', 'Vasile', 'Constantin', 'Mihai', 'Andrei', 'Alexandru', 'Florin', 'Cristian',
  'Adrian', 'Marian', 'Nicolae', 'Dumitru', 'Ionuț', 'Costel', 'Gabriel', 'Bogdan', 'Daniel', 'Marius',
  'Răzvan', 'Sorin', 'Petru', 'Cătălin', 'Viorel', 'Liviu', 'Ovidiu', 'Dănuț', 'Traian', 'Aurel',
  'Emil', 'Horia', 'Iulian', 'Lucian', 'Mircea', 'Nelu', 'Octavian', 'Radu', 'Sebastian', 'Silviu',
  'Tudor', 'Valentin', 'Victor', 'Cosmin', 'Eugen', 'Fănel', 'Gelu', 'Laurențiu', 'Remus', 'Vlad',
];

export const ROMANIAN_FEMALE: readonly string[] = [
  'Maria', 'Elena', 'Ioana', 'Ana', 'Mihaela', 'Andreea', 'Cristina', 'Gabriela', 'Alexandra', 'Daniela',
  'Florentina', 'Nicoleta', 'Georgiana', 'Ramona', 'Alina', 'Simona', 'Larisa', 'Roxana', 'Mădălina',
  'Bianca', 'Ionela', 'Ștefania', 'Loredana', 'Denisa', 'Claudia', 'Violeta', 'Camelia', 'Oana', 'Iulia',
  'Adina', 'Carmen', 'Corina', 'Diana', 'Emilia', 'Felicia', 'Irina', 'Lavinia', 'Liliana', 'Luminița',
  'Monica', 'Paula', 'Raluca', 'Sabina', 'Silvia', 'Teodora', 'Valentina', 'Viorica', 'Rodica', 'Anca',
];

export const ROMANIAN_SURNAMES: readonly string[] = [
  'Popescu', 'Popa', 'Pop', 'Ionescu', 'Constantin', 'Dumitrescu', 'Stan', 'Stoica', 'Gheorghe', 'Rusu',
  'Munteanu', 'Matei', 'Constantinescu', 'Șerban', 'Mihai', 'Stănescu', 'Lungu', 'Marin', 'Tudor', 'Ciobanu',
  'Moldovan', 'Florea', 'Dobre', 'Ene', 'Nistor', 'Țăranu', 'Bălan', 'Iordache', 'Radu', 'Dinu', 'Lazăr',
  'Neagu', 'Ursu', 'Cozma', 'Mocanu', 'Sârbu', 'Toma', 'Voicu', 'Vlad', 'Preda', 'Bucur', 'Surdu',
  'Petrescu', 'Niculescu', 'Căpraru', 'Olteanu', 'Bogdan', 'Cristea', 'Manea', 'Oprea', 'Zamfir', 'Dragomir',
  'Vasilescu', 'Anghel', 'Barbu', 'Ardeleanu', 'Crăciun', 'Enache', 'Grigore', 'Ispas', 'Jitaru', 'Paraschiv',
  'Răducanu', 'Sandu', 'Tănase', 'Ungureanu', 'Vișan', 'Zaharia', 'Chiriac', 'Dănilă', 'Filip', 'Husar',
];

export const SPANISH_MALE: readonly string[] = [
  'José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Pedro', 'Alejandro', 'Javier', 'Manuel', 'Francisco',
  'Antonio', 'Diego', 'Andrés', 'Fernando', 'Ricardo', 'Raúl', 'Sergio', 'Pablo', 'Rafael', 'Óscar', 'Iván',
  'Alberto', 'Álvaro', 'Daniel', 'Eduardo', 'Emilio', 'Enrique', 'Felipe', 'Gustavo', 'Héctor', 'Ignacio',
  'Julio', 'Lorenzo', 'Marcos', 'Mario', 'Nicolás', 'Roberto', 'Rubén', 'Santiago', 'Tomás', 'Víctor',
];

export const SPANISH_FEMALE: readonly string[] = [
  'María', 'Carmen', 'Ana', 'Laura', 'Isabel', 'Lucía', 'Rosa', 'Marta', 'Paula', 'Elena', 'Sofía',
  'Valentina', 'Camila', 'Daniela', 'Gabriela', 'Andrea', 'Mariana', 'Patricia', 'Verónica', 'Yolanda', 'Lorena',
  'Adriana', 'Alicia', 'Beatriz', 'Carolina', 'Claudia', 'Cristina', 'Diana', 'Esperanza', 'Fernanda', 'Gloria',
  'Inés', 'Julia', 'Liliana', 'Margarita', 'Natalia', 'Pilar', 'Raquel', 'Silvia', 'Teresa', 'Ximena',
];

export const SPANISH_SURNAMES: readonly string[] = [
  'García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín',
  'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Álvarez', 'Muñoz', 'Romero', 'Herrera', 'Medina', 'Castro',
  'Vargas', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Ortiz', 'Silva', 'Rojas', 'Morales', 'Navarro', 'Cabrera',
  'Guzmán', 'Peña', 'Mendoza', 'Aguilar', 'Salazar', 'Castillo', 'Reyes', 'Cortés', 'Ibáñez', 'Villalobos',
  'Acosta', 'Benítez', 'Calderón', 'Delgado', 'Espinoza', 'Fuentes', 'Gallardo', 'Guerrero', 'Lozano', 'Maldonado',
  'Núñez', 'Ochoa', 'Pacheco', 'Quintero', 'Sandoval', 'Tapia', 'Valencia', 'Vega', 'Zamora', 'Bermúdez',
];

/** Each row is one Thai given name; the first spelling is RTGS, the rest are common forms. */
export const THAI_MALE: ReadonlyArray<readonly string[]> = [
  ['Somchai', 'Somchay'], ['Somsak', 'Somsuk'], ['Sombat', 'Sombut'], ['Prasoet', 'Prasert', 'Prasertt'],
  ['Wichai', 'Vichai', 'Witchai'], ['Thongchai', 'Tongchai'], ['Surachai', 'Surachay'], ['Anan', 'Anant'],
  ['Kittisak', 'Kittisack', 'Kitisak'], ['Natthaphong', 'Nattapong', 'Nattaphong'], ['Chaiyaphon', 'Chaiyaporn', 'Chaiyapon'],
  ['Sakchai', 'Sakchay'], ['Thanawat', 'Tanawat'], ['Wirat', 'Virat'], ['Phon', 'Pon'], ['Suriya', 'Suriyaa', 'Suriyah'],
  ['Somphong', 'Sompong'], ['Chatchai', 'Chatchay'], ['Phichit', 'Pichit'], ['Bunmi', 'Boonmee', 'Boonmi'],
  ['Thawatchai', 'Tawatchai'], ['Narong', 'Narongk'], ['Sutthiphong', 'Suttipong', 'Sutipong'], ['Phongsak', 'Pongsak'],
  ['Akkharaphon', 'Akaraporn', 'Akkarapon'], ['Chakkrit', 'Chakrit'], ['Ekkachai', 'Ekachai'], ['Kiattisak', 'Kiatisak'],
  ['Anuwat', 'Anuvat'], ['Chaiwat', 'Chaivat'], ['Kittiphong', 'Kittipong'], ['Manop', 'Manob'], ['Nirut', 'Niroot'],
  ['Phairot', 'Pairoj', 'Pairote'], ['Prayut', 'Prayuth'], ['Sarawut', 'Sarawoot'], ['Sombun', 'Somboon'],
  ['Songkhram', 'Songkram'], ['Thirawat', 'Teerawat'], ['Udom', 'Udomm'], ['Wichian', 'Vichian', 'Wichien'],
  ['Yutthana', 'Yuttana'], ['Chanchai', 'Chanchay'],
];

export const THAI_FEMALE: ReadonlyArray<readonly string[]> = [
  ['Siriphon', 'Siriporn', 'Siripon'], ['Chiraphon', 'Jiraporn', 'Jirapon'], ['Mali', 'Malee'], ['Kanya', 'Kunya'],
  ['Sunisa', 'Suneesa'], ['Phonthip', 'Pornthip', 'Porntip'], ['Wanida', 'Vanida'], ['Suphaphon', 'Supaporn', 'Supaphon'],
  ['Nongnut', 'Nongnuch'], ['Rattana', 'Ratana'], ['Kamon', 'Kamol'], ['Aphinya', 'Apinya'], ['Duangchai', 'Duangjai'],
  ['Nittaya', 'Nitaya'], ['Pranee', 'Prani', 'Pranii'], ['Sumali', 'Sumalee'], ['Araya', 'Araiya'], ['Chanida', 'Janida'],
  ['Wilai', 'Vilai', 'Wilay'], ['Thida', 'Tida'], ['Kanokwan', 'Kanokwun'], ['Benchawan', 'Benjawan'],
  ['Lamai', 'Lamay'], ['Saowalak', 'Saowaluck'], ['Warunee', 'Waruni', 'Varunee'], ['Phatcharin', 'Patcharin', 'Phatcharinn'],
  ['Arunee', 'Aruni'], ['Bussaba', 'Butsaba'], ['Chutima', 'Jutima'], ['Jintana', 'Chintana'], ['Kannika', 'Kanika'],
  ['Napha', 'Napa'], ['Orathai', 'Orathay'], ['Phimphaka', 'Pimpaka'], ['Ratchanee', 'Ratchani'], ['Sasithon', 'Sasithorn'],
  ['Thanyaphon', 'Thanyaporn', 'Tanyaporn'], ['Uraiwan', 'Uraivan'], ['Wannaphon', 'Wannaporn'], ['Yuphin', 'Yupin'],
  ['Khwanchai', 'Kwanjai', 'Khwanjai'], ['Sirinthon', 'Sirinthorn'],
];

export const THAI_NICKNAMES: readonly string[] = ['Noi', 'Lek', 'Nok', 'Som', 'Ploy', 'Ton', 'Joy', 'Bee', 'Fon', 'Nan', 'Mai', 'Aom'];

/** Thai surname syllables, each with its variant spellings (RTGS first). */
export const THAI_SYLLABLES: ReadonlyArray<readonly string[]> = [
  ['si', 'sri', 'see'], ['suk', 'sook', 'sukh'], ['wong', 'vong'], ['sawat', 'sawad', 'savat'], ['chai', 'jai', 'chay'],
  ['thong', 'tong'], ['di', 'dee'], ['kaeo', 'kaew', 'keaw'], ['mani', 'manee'], ['bun', 'boon'], ['rat', 'rath', 'rad'],
  ['phrom', 'prom'], ['suwan', 'suwanna', 'suvan'], ['intha', 'inta'], ['sombat', 'sombut'], ['kham', 'kam'],
  ['nak', 'nark'], ['prasoet', 'prasert'], ['yot', 'yod'], ['ying', 'yingh'], ['thep', 'tep'], ['sa', 'saa'],
  ['kun', 'kul', 'koon'], ['phan', 'pan'], ['siri', 'sirih'], ['chit', 'jit'], ['rak', 'ruk'], ['phon', 'porn', 'pon'],
  ['charoen', 'charern', 'jaroen'], ['saeng', 'sang'], ['udom', 'udome'], ['wiset', 'viset', 'wised'], ['kit', 'kitt'],
  ['pha', 'pa'], ['nim', 'nimm'], ['buppha', 'buppa', 'bupha'], ['thana', 'tana'], ['wat', 'wad', 'vat'],
];
