// Invented names for demo cases: synthetic, not real people. Combinations are drawn
// deterministically so every fresh demo database looks the same.
export const GIVEN_FEMALE = ['Malai', 'Siriporn', 'Ioana', 'Elena', 'Oksana', 'Yuliia', 'Maria', 'Ana', 'Grace', 'Amina', 'Nok', 'Daria'];
export const GIVEN_MALE = ['Somchai', 'Niran', 'Andrei', 'Mihai', 'Serhii', 'Oleksandr', 'Carlos', 'Jorge', 'Samuel', 'Yusuf', 'Anan', 'Pavel'];
export const FAMILY = ['Kaewmanee', 'Srisawat', 'Popescu-Demo', 'Ionescu-Demo', 'Kovalenko-Demo', 'Shevchuk-Demo', 'Rojas-Demo', 'Mensah-Demo', 'Phromma', 'Okafor-Demo', 'Wongsa', 'Marin-Demo'];
