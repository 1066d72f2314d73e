import type { RegisterRequest } from '../../src-shared/schemas/accounts';

/** The demo password of every seeded account (printed by `npm run seed`, in the README). */
export const DEMO_PASSWORD = 'ClassHub-Demo-2026';

type DemoPerson = Omit<RegisterRequest, 'password'> & {
  bio: string;
  student?: { studentId: string; enrolmentDate: string };
  teacher?: { title: string; department: string; yearsOfExperience: number };
  statusUpdates: string[];
};

/** The first one becomes the hub's admin. Later issues add courses, sessions and chat to this world. */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    username: 'admin',
    firstName: 'Hub',
    lastName: 'Admin',
    email: 'admin@classhub.local',
    role: 'teacher',
    bio: 'Keeps the classroom hub running.',
    teacher: { title: 'IT coordinator', department: 'School office', yearsOfExperience: 6 },
    statusUpdates: ['Welcome to ClassHub! Ask me if your account is waiting for approval.'],
  },
  {
    username: 'prof_davis',
    firstName: 'Alan',
    lastName: 'Davis',
    email: 'prof.davis@classhub.local',
    role: 'teacher',
    bio: 'Teaches programming and data structures. Office hours on Thursdays.',
    teacher: { title: 'Professor', department: 'Computer Science', yearsOfExperience: 14 },
    statusUpdates: [
      'Slides for week 3 are up.',
      'Reminder: bring your laptops on Monday for the lab.',
    ],
  },
  {
    username: 'dr_okafor',
    firstName: 'Ngozi',
    lastName: 'Okafor',
    email: 'n.okafor@classhub.local',
    role: 'teacher',
    bio: 'Mathematics for computing.',
    teacher: { title: 'Dr', department: 'Mathematics', yearsOfExperience: 9 },
    statusUpdates: ['Problem set 2 solutions will be discussed in class.'],
  },
  {
    username: 'emma1',
    firstName: 'Emma',
    lastName: 'Johnson',
    email: 'emma1@classhub.local',
    role: 'student',
    bio: 'Second-year student; likes algorithms and board games.',
    student: { studentId: 'S-2024-001', enrolmentDate: '2024-09-02' },
    statusUpdates: ['Finally understood recursion!', 'Anyone up for a study group on Thursday?'],
  },
  {
    username: 'liam_w',
    firstName: 'Liam',
    lastName: 'Walker',
    email: 'liam.w@classhub.local',
    role: 'student',
    bio: 'Into robotics.',
    student: { studentId: 'S-2024-014', enrolmentDate: '2024-09-02' },
    statusUpdates: ['Lab 1 done.'],
  },
  {
    username: 'sofia_r',
    firstName: 'Sofía',
    lastName: 'Ramírez',
    email: 'sofia.r@classhub.local',
    role: 'student',
    bio: 'Exchange student from Valencia.',
    student: { studentId: 'S-2025-031', enrolmentDate: '2025-01-15' },
    statusUpdates: [],
  },
];

interface DemoPost {
  author: string;
  text: string;
  files: { name: string; text: string }[];
  comments: { author: string; text: string }[];
}

export const DEMO_SESSIONS: {
  host: string;
  title: string;
  description: string;
  /** Code of the demo course the session belongs to (its members are that course's students). */
  course?: string;
  members: string[];
  posts: DemoPost[];
}[] = [
  {
    host: 'prof_davis',
    title: 'CS101 lab — Monday group',
    description: 'Weekly lab for the Monday group: worksheets, questions and answers.',
    course: 'CS101',
    members: ['emma1', 'liam_w', 'sofia_r'],
    posts: [
      {
        author: 'prof_davis',
        text: 'Welcome to the lab! The week 3 worksheet is attached. Work in pairs and post questions here.',
        files: [
          {
            name: 'week3-worksheet.txt',
            text: 'Week 3 — recursion\n\n1. Write factorial(n) recursively.\n2. Trace fib(5) by hand.\n3. Why does a missing base case crash?\n',
          },
        ],
        comments: [
          { author: 'emma1', text: 'Can we use Python for exercise 2?' },
          { author: 'prof_davis', text: 'Yes, any language you like.' },
        ],
      },
      {
        author: 'liam_w',
        text: 'Here are my notes on the base case discussion, in case they help anyone.',
        files: [
          {
            name: 'liam-notes.md',
            text: '# Base cases\n\n- Every recursion needs one.\n- Check it first.\n',
          },
        ],
        comments: [{ author: 'sofia_r', text: 'Thanks Liam, very clear.' }],
      },
    ],
  },
  {
    host: 'emma1',
    title: 'Algorithms study group',
    description: 'We meet on Thursdays at 17:00 in the library, room 2.',
    members: ['liam_w', 'sofia_r'],
    posts: [
      {
        author: 'emma1',
        text: 'This week: sorting. Bring one question each!',
        files: [],
        comments: [{ author: 'liam_w', text: 'I will bring merge sort.' }],
      },
    ],
  },
];
