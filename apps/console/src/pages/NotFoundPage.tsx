import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';

export default function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <main>
      <Result
        status="404"
        title={<h1 style={{ fontSize: 24 }}>{t.notFound}</h1>}
        extra={
          <Button type="primary" onClick={() => void navigate('/work')}>
            {t.home}
          </Button>
        }
      />
    </main>
  );
}
