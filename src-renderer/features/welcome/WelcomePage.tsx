import { Badge, Button, Card, Grid, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBooks,
  IconCloudOff,
  IconMessages,
  IconPresentation,
  type Icon,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT, type MessageKey } from '../../app/i18n';

const features: { icon: Icon; color: string; title: MessageKey; text: MessageKey; span: number }[] =
  [
    {
      icon: IconBooks,
      color: 'indigo',
      title: 'welcome.courses',
      text: 'welcome.coursesText',
      span: 7,
    },
    {
      icon: IconPresentation,
      color: 'grape',
      title: 'welcome.sessions',
      text: 'welcome.sessionsText',
      span: 5,
    },
    { icon: IconMessages, color: 'teal', title: 'welcome.chat', text: 'welcome.chatText', span: 5 },
    {
      icon: IconCloudOff,
      color: 'orange',
      title: 'welcome.offline',
      text: 'welcome.offlineText',
      span: 7,
    },
  ];

/** `/`: what ClassHub is, and the two ways in. */
export function WelcomePage() {
  const t = useT();
  return (
    <Grid gap={{ base: 'md', md: 'xl' }} mt={{ base: 0, md: 'xl' }} align="center">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg" py={{ base: 'sm', md: 'xl' }}>
          <Badge
            variant="light"
            size="lg"
            radius="sm"
            w="fit-content"
            maw="100%"
            h="auto"
            py={4}
            // Badges truncate to one line; this one is a sentence and should wrap on a phone.
            styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
          >
            {t('welcome.badge')}
          </Badge>
          <Title order={1} fz={{ base: 32, sm: 44 }} lh={1.15}>
            {t('welcome.title')}
          </Title>
          <Text fz={{ base: 'md', sm: 'lg' }} c="dimmed">
            {t('welcome.lead')}
          </Text>
          <Group gap="sm">
            <Button component={Link} to="/register" size="md">
              {t('welcome.register')}
            </Button>
            <Button component={Link} to="/sign-in" size="md" variant="default">
              {t('welcome.signIn')}
            </Button>
            <Button component={Link} to="/catalogue" size="md" variant="subtle">
              {t('catalogue.browse')}
            </Button>
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Grid gap="md" align="stretch">
          {features.map(({ icon: FeatureIcon, color, title, text, span }) => (
            <Grid.Col key={title} span={{ base: 12, xs: 6, sm: span }}>
              <Card h="100%" shadow="xs" component="section">
                <ThemeIcon variant="light" color={color} size={44} radius="md" mb="md" aria-hidden>
                  <FeatureIcon size={24} stroke={1.6} />
                </ThemeIcon>
                <Title order={2} fz="lg" mb={6}>
                  {t(title)}
                </Title>
                <Text size="sm" c="dimmed">
                  {t(text)}
                </Text>
              </Card>
            </Grid.Col>
          ))}
        </Grid>
      </Grid.Col>
    </Grid>
  );
}
